package io.meetzy.verifier.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the client address of a request: the socket's peer, or, when that peer is a trusted proxy,
 * the address the proxies recorded in {@code X-Forwarded-For}.
 *
 * <p>{@code X-Forwarded-For} lists {@code client, proxy1, proxy2}, each proxy appending the address
 * it received the request from. Only the entries added by trusted proxies can be believed, so the
 * list is read from the right: each entry is the client while the hop that added it is trusted,
 * and the walk stops at the first untrusted address. A client cannot choose its address by sending
 * its own header, because its entries sit left of the ones the trusted proxies added.
 *
 * <p>Entries must be IP literals; a host name is never resolved. Thread-safe and immutable.
 */
public final class ClientAddresses {

    /** A dotted quad without leading zeros, which some parsers read as octal. */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** IPv6 clients get a /64 each from their provider, so failures are counted per /64 rather than per address. */
    private static final int IPV6_NETWORK_BYTES = 8;

    private final Set<InetAddress> trustedProxies;

    public ClientAddresses(Set<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
    }

    /**
     * Returns the client address of a request from {@code peer} with these {@code X-Forwarded-For}
     * header values (in order; several headers count as one comma-separated list).
     */
    public InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(forwardedFor, "forwardedFor");
        if (!trustedProxies.contains(peer) || forwardedFor.isEmpty()) {
            return peer;
        }

        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }

        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client); i--) {
            Optional<InetAddress> hop = parseLiteral(hops.get(i));
            if (hop.isEmpty()) {
                // A proxy we trust passed on something that is not an address: keep the last address known.
                break;
            }
            client = hop.get();
        }
        return client;
    }

    /** Returns the key that failures of this address are counted under: the address, or its /64 for IPv6. */
    public static String limiterKey(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = address.getAddress();
            for (int i = IPV6_NETWORK_BYTES; i < network.length; i++) {
                network[i] = 0;
            }
            return toAddress(network).getHostAddress() + "/64";
        }
        return address.getHostAddress();
    }

    /**
     * Parses an IPv4 or IPv6 literal, with an optional port ({@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}), without any name lookup; anything else is empty.
     */
    public static Optional<InetAddress> parseLiteral(String text) {
        String literal = stripPort(text.strip());
        boolean isIpv4 = IPV4.matcher(literal).matches() && octetsInRange(literal);
        boolean isIpv6 = literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
        if (!isIpv4 && !isIpv6) {
            return Optional.empty();
        }

        try {
            // A literal with ':' is parsed as IPv6 and a checked dotted quad as IPv4: neither is looked up.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String stripPort(String text) {
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            return end < 0 ? text : text.substring(1, end);
        }
        int colon = text.indexOf(':');
        boolean isIpv4WithPort = colon > 0 && colon == text.lastIndexOf(':') && text.indexOf('.') > 0;
        return isIpv4WithPort ? text.substring(0, colon) : text;
    }

    private static boolean octetsInRange(String literal) {
        for (String octet : literal.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always a valid IPv6 address", e);
        }
    }
}
