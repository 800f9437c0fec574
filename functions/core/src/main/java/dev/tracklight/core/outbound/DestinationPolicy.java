package dev.tracklight.core.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where merchant webhooks may go. A subscription URL is chosen by a merchant, so without this check our
 * senders would post to anything they can reach: the cloud's metadata service, a database on a private
 * network, the machine itself. In production only https URLs whose host resolves to public addresses are
 * accepted, checked when the subscription is saved and again at every send (DNS can change in between).
 * A deployment may allow private and loopback destinations, and plain http, explicitly: the local cloud
 * does, because everything it runs listens on 127.0.0.1.
 */
public record DestinationPolicy(boolean allowPrivate) {

    public static final int MAX_URL_LENGTH = 2048;

    /** Why the URL itself cannot be a destination, before any address is looked up. */
    public Optional<String> refusalOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of(allowPrivate ? "url must be http or https" : "url must be https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not carry credentials; verify our signature instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("url must not have a fragment");
        }
        return Optional.empty();
    }

    /** Looks a host up; the system's resolver in production, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = host -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return List.of();
            }
        };

        List<InetAddress> resolve(String host);
    }

    /**
     * Why the URL cannot be a destination, looking its host up. The JVM caches a successful lookup for 30 s,
     * so an HTTP client connecting right after this check reaches the addresses that were checked.
     */
    public Optional<String> refusalOf(String url, Resolver resolver) {
        return refusalOf(url).or(() -> refusalOf(resolver.resolve(URI.create(url).getHost())));
    }

    /** Why a host resolving to these addresses cannot be a destination. */
    public Optional<String> refusalOf(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("the host does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        return addresses.stream().filter(address -> !isPublic(address)).findFirst()
                .map(address -> "the host resolves to " + address.getHostAddress() + ", a private, loopback or reserved address");
    }

    /** False for loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast and reserved ranges. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                       // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240;                                 // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean ipv4Compatible = isZero(bytes, 0, 12); // ::a.b.c.d (deprecated) embeds an IPv4 address
            boolean nat64 = first == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
            return !uniqueLocal && !ipv4Compatible && !nat64;
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
