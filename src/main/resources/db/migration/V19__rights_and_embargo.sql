-- Rights (README: Rights and embargo). syndicatable false keeps an article from partners: their reads, the feeds, their
-- change feed and every webhook. legally_sensitive needs an editor to publish or change it once public. embargo lets
-- partners read a scheduled article before its instant.
alter table article add column syndicatable boolean not null default true;
alter table article add column legally_sensitive boolean not null default false;
alter table article add column embargo boolean not null default false;

-- what partners (their change feed, webhooks) see of a change: the public's unless an article's rights differ
alter table change_event add column partner_op varchar(8)
    constraint change_event_partner_op_check check (partner_op in ('upsert', 'delete'));
update change_event set partner_op = public_op where public_op is not null;
