package com.magazine.content.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSRF address policy on every spelling of an address we know of: each row is a webhook URL, whether it is
 * refused, and for allowed ones the address the delivery would connect to. Names resolve through a table, never
 * through DNS, so that names which resolve to internal addresses (or rebind to them) can be written down.
 */
class TargetGuardTest {

    private static final Map<String, List<String>> DNS = Map.ofEntries(
            Map.entry("localhost", List.of("127.0.0.1", "::1")),
            Map.entry("partner.example.org", List.of("93.184.216.34")),
            Map.entry("dual.example.org", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")),
            Map.entry("mapped.example.org", List.of("::ffff:127.0.0.1")),
            Map.entry("mapped-metadata.example.org", List.of("::ffff:169.254.169.254")),
            Map.entry("compatible.example.org", List.of("::127.0.0.1")),
            Map.entry("nat64.example.org", List.of("64:ff9b::a00:1")),
            Map.entry("sixtofour.example.org", List.of("2002:c0a8:1::1")),
            Map.entry("teredo.example.org", List.of("2001:0:4136:e378:8000:63bf:80ff:fffe")),
            Map.entry("ula.example.org", List.of("fd12:3456:789a::1")),
            Map.entry("rebind.example.org", List.of("93.184.216.34", "10.0.0.5")),
            Map.entry("metadata.example.org", List.of("169.254.169.254")),
            Map.entry("xn--mnchen-3ya.example.org", List.of("93.184.216.35")),
            Map.entry("internal.example.org", List.of("192.168.1.1")));

    private final TargetGuard guard = new TargetGuard(false, TargetGuardTest::resolve);

    private static InetAddress[] resolve(String name) throws UnknownHostException {
        List<String> addresses = DNS.get(name);
        if (addresses == null) {
            throw new UnknownHostException(name);
        }
        InetAddress[] out = new InetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            byte[] bytes = InetAddress.getByName(addresses.get(i)).getAddress();
            if (addresses.get(i).startsWith("::ffff:")) { // as a resolver may hand it over: 16 bytes
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                out[i] = java.net.Inet6Address.getByAddress(name, mapped, -1);
            } else {
                out[i] = InetAddress.getByAddress(name, bytes);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # plain IPv4: loopback, private, link-local, CGNAT, reserved
            http://127.0.0.1/hook                          | refused |
            http://127.255.255.254:9000/hook               | refused |
            http://10.1.2.3/hook                           | refused |
            http://172.16.0.1/hook                         | refused |
            http://172.31.255.255/hook                     | refused |
            http://192.168.0.10/hook                       | refused |
            http://169.254.169.254/latest/meta-data        | refused |
            http://100.64.0.1/hook                         | refused |
            http://0.0.0.0/hook                            | refused |
            http://192.0.0.8/hook                          | refused |
            http://198.18.0.1/hook                         | refused |
            http://224.0.0.1/hook                          | refused |
            http://255.255.255.255/hook                    | refused |
            http://192.0.2.1/hook                          | refused |
            # IPv4 spelled as parsers read it: decimal, hex, octal, short forms, trailing dots
            http://2130706433/hook                         | refused |
            http://0x7f000001/hook                         | refused |
            http://017700000001/hook                       | refused |
            http://0177.0.0.1/hook                         | refused |
            http://0x7f.0.0.1/hook                         | refused |
            http://0x7F.1/hook                             | refused |
            http://127.1/hook                              | refused |
            http://127.0.1/hook                            | refused |
            http://127.000.000.001/hook                    | refused |
            http://127.0.0.1./hook                         | refused |
            http://127.0.0.1../hook                        | refused |
            http://167772161/hook                          | refused |
            http://0xa9fea9fe/hook                         | refused |
            http://0251.0376.0251.0376/hook                | refused |
            http://3232235521/hook                         | refused |
            http://%31%32%37.0.0.1/hook                    | refused |
            http://0/hook                                  | refused |
            http://4294967296/hook                         | refused |
            http://256.1.1.1/hook                          | refused |
            http://134744072/hook                          | allowed | 8.8.8.8
            http://0x08080808/hook                         | allowed | 8.8.8.8
            # IPv6 literals
            http://[::1]/hook                              | refused |
            http://[0:0:0:0:0:0:0:1]/hook                  | refused |
            http://[::]/hook                               | refused |
            http://[fe80::1]/hook                          | refused |
            http://[fe80::1%25eth0]/hook                   | refused |
            http://[fc00::1]/hook                          | refused |
            http://[fd00:ec2::254]/hook                    | refused |
            http://[ff02::1]/hook                          | refused |
            http://[fec0::1]/hook                          | refused |
            http://[2001:db8::1]/hook                      | refused |
            http://[100::1]/hook                           | refused |
            # IPv6 carrying IPv4: mapped, translated, compatible, NAT64, 6to4, Teredo
            http://[::ffff:127.0.0.1]/hook                 | refused |
            http://[::ffff:7f00:1]/hook                    | refused |
            http://[0:0:0:0:0:ffff:7f00:1]/hook            | refused |
            http://[::FFFF:169.254.169.254]/hook           | refused |
            http://[::ffff:10.0.0.1]:8080/hook             | refused |
            http://[::ffff:0:127.0.0.1]/hook               | refused |
            http://[::127.0.0.1]/hook                      | refused |
            http://[::a00:1]/hook                          | refused |
            http://[::c0a8:1]/hook                         | refused |
            http://[64:ff9b::7f00:1]/hook                  | refused |
            http://[64:ff9b::10.0.0.1]/hook                | refused |
            http://[64:ff9b:1::a00:1]/hook                 | refused |
            http://[2002:7f00:1::]/hook                    | refused |
            http://[2002:a9fe:a9fe::1]/hook                | refused |
            http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook | refused |
            http://[2001:0:a00:1::]/hook                   | refused |
            http://[::ffff:8.8.8.8]/hook                   | allowed | 8.8.8.8
            http://[64:ff9b::808:808]/hook                 | allowed | 64:ff9b:0:0:0:0:808:808
            http://[2002:808:808::1]/hook                  | allowed | 2002:808:808:0:0:0:0:1
            http://[2606:4700:4700::1111]/hook             | allowed | 2606:4700:4700:0:0:0:0:1111
            # names: by name, by what they resolve to, IDN and full-width forms
            http://localhost/hook                          | refused |
            http://LOCALHOST:8080/hook                     | refused |
            http://localhost./hook                         | refused |
            http://api.localhost/hook                      | refused |
            http://ｌｏｃａｌｈｏｓｔ/hook                     | refused |
            http://１２７.０.０.１/hook                       | refused |
            http://127。0。0。1/hook                         | refused |
            http://mapped.example.org/hook                 | refused |
            http://mapped-metadata.example.org/hook        | refused |
            http://compatible.example.org/hook             | refused |
            http://nat64.example.org/hook                  | refused |
            http://sixtofour.example.org/hook              | refused |
            http://teredo.example.org/hook                 | refused |
            http://ula.example.org/hook                    | refused |
            http://rebind.example.org/hook                 | refused |
            http://metadata.example.org/hook               | refused |
            http://internal.example.org./hook              | refused |
            http://unknown.example.org/hook                | refused |
            http://partner.example.org/hook                | allowed | 93.184.216.34
            https://PARTNER.example.org./hook?x=1          | allowed | 93.184.216.34
            https://dual.example.org/hook                  | allowed | 93.184.216.34
            https://münchen.example.org/hook               | allowed | 93.184.216.35
            # not a target at all
            http://user:pass@partner.example.org/hook      | refused |
            http://partner.example.org@127.0.0.1/hook      | refused |
            ftp://partner.example.org/hook                 | refused |
            http:///hook                                   | refused |
            http://partner.example.org:0/hook              | refused |
            http://partner.example.org:99999/hook          | refused |
            """)
    void everySpellingIsJudgedByTheAddressItReaches(String url, String verdict, String connectsTo) {
        TargetGuard.Decision decision = guard.check(url);
        if (verdict.equals("refused")) {
            assertThat(decision.allowed()).as("%s is refused", url).isFalse();
            assertThat(decision.refusal()).isNotBlank();
        } else {
            assertThat(decision.refusal()).as("%s is allowed", url).isNull();
            assertThat(decision.target().addresses().get(0).getHostAddress()).isEqualTo(connectsTo);
        }
    }
}
