package com.magazine.content.feed;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides whether an address may receive webhooks (SSRF). Every spelling is normalised before
 * the decision, the way a browser's URL parser or a C resolver would read it, so that no other spelling of an
 * internal address slips through:
 *
 * <ul>
 * <li>host names: percent-decoding, IDN (Unicode and full-width forms to ASCII, as {@code IDN.toASCII} maps them),
 * lower case, trailing dots removed; {@code localhost} and {@code *.localhost} refused by name;</li>
 * <li>IPv4 in any form an address parser accepts: {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1},
 * {@code 127.1} (WHATWG URL rules: decimal, 0x hex, 0-prefixed octal, the last part filling what is left);</li>
 * <li>IPv6 forms that carry an IPv4 address: IPv4-mapped {@code ::ffff:0:0/96}, IPv4-translated
 * {@code ::ffff:0:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16} and
 * Teredo {@code 2001::/32} (server and client): the IPv4 address inside decides;</li>
 * <li>an IPv6 address must otherwise be global unicast ({@code 2000::/3}) outside the documentation, benchmarking,
 * ORCHID and local-use NAT64 ranges.</li>
 * </ul>
 */
final class AddressPolicy {

    private AddressPolicy() {
    }

    /** A host as written in a URL, normalised: either an address literal or a DNS name to resolve. */
    record Host(String name, InetAddress literal) {

        boolean isLiteral() {
            return literal != null;
        }
    }

    /**
     * The host of a URL normalised, or empty when it cannot be a host at all (the caller refuses it).
     *
     * @param raw the host as it appears in the URL's authority, brackets included for IPv6
     */
    static Optional<Host> normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]") || raw.contains("%")) {
                return Optional.empty(); // zone ids (fe80::1%eth0) only ever name local links
            }
            return ipv6(raw.substring(1, raw.length() - 1)).map(address -> new Host(raw, address));
        }
        String host;
        try {
            host = percentDecode(raw);
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.contains("..") || host.startsWith(".")) {
            return Optional.empty();
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                return Optional.empty();
            }
        }
        if (endsInNumber(host)) {
            // a browser, curl or inet_aton reads this as an IPv4 address, whatever DNS would say
            return ipv4(host).map(address -> new Host(address.getHostAddress(), address));
        }
        return Optional.of(new Host(host, null));
    }

    /** Why a host name may not be used, decided on the name alone; empty when it may be resolved. */
    static Optional<String> refusalOfName(String name) {
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of("names the local host");
        }
        return Optional.empty();
    }

    /** Why {@code address} may not receive webhooks; empty when it is a public unicast address. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return refusalOfIpv4(bytes, address.getHostAddress());
        }
        String shown = address.getHostAddress();
        for (byte[] embedded : embeddedIpv4(bytes)) {
            Optional<String> inner = refusalOfIpv4(embedded, shown + " carrying " + ipv4Text(embedded));
            if (inner.isPresent()) {
                return inner;
            }
        }
        if (isIpv4Compatible(bytes) || isIpv4Mapped(bytes) || isIpv4Translated(bytes)) {
            return Optional.empty(); // the IPv4 address inside decided
        }
        if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && allZero(bytes, 4, 12)) {
            return Optional.empty(); // NAT64 well-known prefix: decided by the IPv4 address inside
        }
        if ((bytes[0] & 0xe0) != 0x20) {
            return refused(shown, "not a global unicast IPv6 address (loopback, link-local, unique-local, "
                    + "multicast and reserved ranges are not allowed)");
        }
        if (startsWith(bytes, 0x20, 0x01, 0x0d, 0xb8) || (bytes[0] & 0xff) == 0x3f && (bytes[1] & 0xf0) == 0xf0) {
            return refused(shown, "a documentation address");
        }
        if (startsWith(bytes, 0x20, 0x01, 0x00) && ((bytes[3] & 0xff) == 0x02 && bytes[4] == 0 && bytes[5] == 0
                || (bytes[3] & 0xf0) == 0x10 || (bytes[3] & 0xf0) == 0x20)) {
            return refused(shown, "a benchmarking or ORCHID address");
        }
        if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return refused(shown, "a local-use NAT64 address");
        }
        return Optional.empty();
    }

    private static Optional<String> refusalOfIpv4(byte[] b, String shown) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        String why = null;
        if (a0 == 127) {
            why = "loopback";
        } else if (a0 == 0) {
            why = "this-network";
        } else if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            why = "private";
        } else if (a0 == 100 && (a1 & 0xc0) == 64) {
            why = "carrier-grade NAT";
        } else if (a0 == 169 && a1 == 254) {
            why = "link-local";
        } else if (a0 == 192 && a1 == 0 && a2 == 0) {
            why = "IETF protocol assignment";
        } else if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            why = "documentation";
        } else if (a0 == 192 && a1 == 88 && a2 == 99) {
            why = "6to4 relay";
        } else if (a0 == 198 && (a1 & 0xfe) == 18) {
            why = "benchmarking";
        } else if (a0 >= 224) {
            why = a0 < 240 ? "multicast" : "reserved or broadcast";
        }
        return why == null ? Optional.empty() : refused(shown, "a " + why + " address");
    }

    private static Optional<String> refused(String shown, String why) {
        return Optional.of("resolves to an internal address (" + shown + ", " + why
                + "): loopback, link-local and private networks are not allowed");
    }

    /** The IPv4 addresses an IPv6 address carries, by the transition mechanisms that route to them. */
    static List<byte[]> embeddedIpv4(byte[] b) {
        List<byte[]> found = new ArrayList<>();
        if (isIpv4Mapped(b) || isIpv4Translated(b) || isIpv4Compatible(b)
                || startsWith(b, 0x00, 0x64, 0xff, 0x9b) && allZero(b, 4, 12)) {
            found.add(slice(b, 12));
        }
        if (startsWith(b, 0x20, 0x02)) { // 6to4: 2002:AABB:CCDD::/48
            found.add(slice(b, 2));
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) { // Teredo: server at 4..7, client (inverted) at 12..15
            found.add(slice(b, 4));
            byte[] client = slice(b, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            found.add(client);
        }
        return found;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        return allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isIpv4Translated(byte[] b) { // ::ffff:0:a.b.c.d (RFC 2765)
        return allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
    }

    /** {@code ::a.b.c.d}, deprecated; {@code ::} and {@code ::1} are in the range too and refused as 0.0.0.x. */
    private static boolean isIpv4Compatible(byte[] b) {
        return allZero(b, 0, 12);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        byte[] out = new byte[4];
        System.arraycopy(b, from, out, 0, 4);
        return out;
    }

    private static String ipv4Text(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** An IPv6 literal as 16 bytes, even for the IPv4-mapped forms that Java turns into IPv4 addresses. */
    private static Optional<InetAddress> ipv6(String text) {
        if (text.isEmpty() || !text.contains(":")) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':' || c == '.')) {
                return Optional.empty();
            }
        }
        try {
            InetAddress parsed = InetAddress.getByName("[" + text + "]"); // a literal: no lookup
            if (parsed instanceof Inet4Address) { // was ::ffff:a.b.c.d: keep the IPv6 form for the policy
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
                return Optional.of(Inet6Address.getByAddress(null, mapped, -1));
            }
            return Optional.of(parsed);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether the last label is a number, which makes the whole host an IPv4 address (WHATWG URL). */
    private static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return (last.startsWith("0x")) && last.substring(2).chars()
                .allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** IPv4 in every form the WHATWG URL parser accepts; empty when it is not a valid one. */
    static Optional<InetAddress> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long number = ipv4Number(parts[i]);
            if (number == null) {
                return Optional.empty();
            }
            numbers[i] = number;
        }
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return Optional.empty();
        }
        long value = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            value += numbers[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long ipv4Number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0L;
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.length() > 12) {
            return null;
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("a truncated percent escape");
                }
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
