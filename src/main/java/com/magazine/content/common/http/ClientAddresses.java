package com.magazine.content.common.http;

import com.magazine.content.common.ContentConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the client behind a request, for rate limits and comment abuse limits. The connection's own peer,
 * unless that peer is one of the trusted proxies ({@code content.http.trusted-proxies}): then
 * {@code X-Forwarded-For} is read from the right, skipping the trusted proxies, and the first address that is not
 * one of them is the client. Reading from the right matters: each proxy appends the address it saw, so the values on
 * the left are whatever the client chose to send and would let it pick a fresh address for each request.
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<Network> trusted;

    @Inject
    ClientAddresses(ContentConfig config) {
        this(config.http().trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        List<Network> networks = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(networks);
    }

    /** The client's address, as text. */
    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress()
                : request.remoteAddress();
        return of(peer == null ? "unknown" : peer.hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    /** As {@link #of(HttpServerRequest)}, from the peer's address and the X-Forwarded-For headers as received. */
    public String of(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = literal(hops.get(i));
            if (hop == null) {
                break; // garbage from the left: the last address a trusted proxy vouched for stays the client
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && trusted.stream().anyMatch(network -> network.contains(bytes));
    }

    /** An address literal as canonical text, or null for anything else (never a DNS lookup). */
    private static String literal(String text) {
        byte[] bytes = bytes(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        String value = text;
        if (value.startsWith("[") && value.contains("]")) {
            value = value.substring(1, value.indexOf(']'));
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        if (value.isEmpty() || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        if (!value.contains(":") && !value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR block. */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] address = bytes(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("content.http.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR block");
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            return new Network(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }
}
