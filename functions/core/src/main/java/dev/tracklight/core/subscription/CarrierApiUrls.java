package dev.tracklight.core.subscription;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The base URLs a deployment gives some sources ({@code CarrierApiUrls}: {@code easypost=https://…,ups=https://…}); a
 * source it does not name is called at its public address. One setting for every source, so adding a source
 * changes no template.
 */
public final class CarrierApiUrls {

    private final Map<String, URI> bySource;

    private CarrierApiUrls(Map<String, URI> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    /**
     * @throws IllegalArgumentException when an entry is not {@code source=http(s)://…}: a deployment that names a
     *                                  URL must not silently call the public one instead
     */
    public static CarrierApiUrls parse(String setting) {
        Map<String, URI> urls = new HashMap<>();
        for (String entry : setting == null ? new String[0] : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            URI url = equals <= 0 ? null : URI.create(entry.substring(equals + 1).strip());
            if (url == null || !url.isAbsolute() || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
                throw new IllegalArgumentException("CarrierApiUrls entries are source=http(s)://…, not '" + entry.strip() + "'");
            }
            urls.put(entry.substring(0, equals).strip(), url);
        }
        return new CarrierApiUrls(urls);
    }

    public Optional<URI> of(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public static String format(Map<String, URI> urls) {
        return String.join(",", urls.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
