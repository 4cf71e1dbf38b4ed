package com.magazine.content.feed;

import com.magazine.content.common.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from being aimed at the service's own network (SSRF). A target's host is normalised and resolved
 * here, each address judged by {@link AddressPolicy}, at registration and again before each send (a name may
 * resolve differently later: DNS rebinding); the send then connects to the very addresses that were judged
 * ({@link Target#addresses()}), never resolving the name again. {@code content.webhooks.allow-private-targets} turns
 * the judging off (tests), not the pinning.
 */
@ApplicationScoped
class TargetGuard {

    /** How names are resolved: the system resolver, or a table in tests. */
    interface Resolver {
        InetAddress[] resolve(String name) throws UnknownHostException;
    }

    /** Where a delivery may go: the URL's parts and the addresses it was judged by, to connect to. */
    record Target(URI uri, boolean https, String host, int port, String pathAndQuery, List<InetAddress> addresses) {

        /**
         * A request for this URL sent to {@code address}, one of those it was judged by, and to no other: the name
         * is kept for the Host header, SNI and the certificate check, and no redirect is followed.
         */
        io.vertx.core.http.RequestOptions request(io.vertx.core.http.HttpMethod method, InetAddress address,
                long timeoutMillis) {
            return new io.vertx.core.http.RequestOptions()
                    .setMethod(method)
                    .setServer(io.vertx.core.net.SocketAddress.inetSocketAddress(
                            new java.net.InetSocketAddress(address, port)))
                    .setHost(host)
                    .setPort(port)
                    .setSsl(https)
                    .setURI(pathAndQuery)
                    .setFollowRedirects(false)
                    .setConnectTimeout(timeoutMillis)
                    .setIdleTimeout(timeoutMillis);
        }
    }

    /**
     * The HTTP client for judged targets: no connection kept (each request goes to the address judged for it), SNI
     * and host names verified, redirects never followed by the client.
     */
    static io.vertx.core.http.HttpClient client(io.vertx.core.Vertx vertx, java.time.Duration connectTimeout) {
        return vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(false)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    /** Either a target or why there is none. */
    record Decision(Target target, String refusal) {

        static Decision refused(String why) {
            return new Decision(null, why);
        }

        boolean allowed() {
            return target != null;
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    TargetGuard(ContentConfig config) {
        this(config.webhooks().allowPrivateTargets(), InetAddress::getAllByName);
    }

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL may not be a target; empty when it may. */
    Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    /** The URL judged: its addresses resolved now, each allowed, or the reason it is refused. */
    Decision check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return Decision.refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            return Decision.refused("must be an http(s) URL with a host");
        }
        String authority = uri.getRawAuthority();
        if (authority.contains("@") || uri.getRawUserInfo() != null) {
            return Decision.refused("must not carry credentials");
        }
        int portAt = authority.lastIndexOf(':');
        String rawHost = authority;
        int port = scheme.equals("https") ? 443 : 80;
        if (portAt > authority.lastIndexOf(']')) {
            rawHost = authority.substring(0, portAt);
            String digits = authority.substring(portAt + 1);
            if (!digits.isEmpty()) {
                try {
                    port = Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    return Decision.refused("has an invalid port");
                }
                if (port < 1 || port > 65535) {
                    return Decision.refused("has an invalid port");
                }
            }
        }
        Optional<AddressPolicy.Host> normalised = AddressPolicy.normalise(rawHost);
        if (normalised.isEmpty()) {
            return Decision.refused("has a host that is not a valid name or address");
        }
        AddressPolicy.Host host = normalised.get();
        List<InetAddress> addresses = new ArrayList<>();
        if (host.isLiteral()) {
            addresses.add(host.literal());
        } else {
            if (!allowPrivate) {
                Optional<String> byName = AddressPolicy.refusalOfName(host.name());
                if (byName.isPresent()) {
                    return Decision.refused("resolves to an internal address (" + host.name() + " "
                            + byName.get() + "): loopback, link-local and private networks are not allowed");
                }
            }
            try {
                addresses.addAll(List.of(resolver.resolve(host.name())));
            } catch (UnknownHostException | RuntimeException e) {
                return Decision.refused("has a host that does not resolve");
            }
            if (addresses.isEmpty()) {
                return Decision.refused("has a host that does not resolve");
            }
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) { // every one: a rebinding name may answer with a mix
                Optional<String> refusal = AddressPolicy.refusal(address);
                if (refusal.isPresent()) {
                    return Decision.refused(refusal.get());
                }
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        return new Decision(new Target(uri, scheme.equals("https"), host.isLiteral() ? rawHost : host.name(), port,
                path, addresses.stream().map(TargetGuard::connectable).toList()), null);
    }

    /** An IPv4-mapped IPv6 address as the IPv4 address it stands for, which is how a socket reaches it. */
    private static InetAddress connectable(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && AddressPolicy.embeddedIpv4(b).size() == 1 && b[10] == (byte) 0xff
                && b[11] == (byte) 0xff) {
            boolean zero = true;
            for (int i = 0; i < 10; i++) {
                zero &= b[i] == 0;
            }
            if (zero) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
