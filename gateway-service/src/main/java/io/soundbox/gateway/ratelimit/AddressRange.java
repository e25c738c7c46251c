package io.soundbox.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 address or CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code 2001:db8::/32}). */
public final class AddressRange {
    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** @throws IllegalArgumentException when the text is not a literal address or range (no host names) */
    public static AddressRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(addr).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
        }
        return new AddressRange(bytes, bits);
    }

    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    boolean contains(byte[] a) {
        if (a.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /**
     * The key that limits a client: the address itself for IPv4, the /64 network for IPv6 (one host
     * usually owns a whole /64, so per-address IPv6 limits would be free to evade).
     */
    public static String clientKey(String address) {
        return literal(address).map(b -> {
            if (b.length == 16) {
                byte[] net = Arrays.copyOf(b, 16);
                Arrays.fill(net, 8, 16, (byte) 0);
                try {
                    return InetAddress.getByAddress(net).getHostAddress() + "/64";
                } catch (UnknownHostException e) {
                    return address;
                }
            }
            return address;
        }).orElse(address);
    }

    /** Parses only literal addresses: never a DNS lookup (this runs on the event loop). */
    private static java.util.Optional<byte[]> literal(String s) {
        if (s == null || s.isEmpty()) {
            return java.util.Optional.empty();
        }
        String a = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = a.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return java.util.Optional.empty();
                }
                b[i] = (byte) v;
            }
            return java.util.Optional.of(b);
        }
        // With a colon Java parses an IPv6 literal and never asks DNS.
        if (a.indexOf(':') < 0 || !a.matches("[0-9A-Fa-f:.]+")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(a).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
