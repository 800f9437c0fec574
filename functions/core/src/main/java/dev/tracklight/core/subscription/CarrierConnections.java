package dev.tracklight.core.subscription;

import dev.tracklight.core.carriers.aftership.AfterShipConnection;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.dhl.DhlConnection;
import dev.tracklight.core.carriers.easypost.EasyPostConnection;
import dev.tracklight.core.carriers.fedex.FedExConnection;
import dev.tracklight.core.carriers.kuaidi100.Kuaidi100Connection;
import dev.tracklight.core.carriers.seventeentrack.SeventeenTrackConnection;
import dev.tracklight.core.carriers.shippo.ShippoConnection;
import dev.tracklight.core.carriers.ups.UpsConnection;
import dev.tracklight.core.carriers.usps.UspsConnection;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sources Tracklight can ask, each built with its base URL from the configuration (a source that names none
 * uses its public address). Adding a source is its connector folder and one line here.
 */
public final class CarrierConnections {

    private final Map<String, CarrierConnection> bySource;

    private CarrierConnections(List<CarrierConnection> connections) {
        this.bySource = connections.stream().collect(Collectors.toUnmodifiableMap(CarrierConnection::source, c -> c));
    }

    /** @param baseUrl the configured base URL of a source, by source name, when one is configured */
    public static CarrierConnections of(Function<String, Optional<URI>> baseUrl) {
        SourceHttp http = new SourceHttp();
        return new CarrierConnections(List.of(
                new EasyPostConnection(baseUrl.apply("easypost").orElse(EasyPostConnection.DEFAULT_BASE), http),
                new UpsConnection(baseUrl.apply("ups").orElse(UpsConnection.DEFAULT_BASE), http),
                new SeventeenTrackConnection(baseUrl.apply("17track").orElse(SeventeenTrackConnection.DEFAULT_BASE), http),
                new DhlConnection(baseUrl.apply("dhl").orElse(DhlConnection.DEFAULT_BASE), http),
                new FedExConnection(baseUrl.apply("fedex").orElse(FedExConnection.DEFAULT_BASE), http),
                new UspsConnection(baseUrl.apply("usps").orElse(UspsConnection.DEFAULT_BASE), http),
                new ShippoConnection(baseUrl.apply("shippo").orElse(ShippoConnection.DEFAULT_BASE), http),
                new AfterShipConnection(baseUrl.apply("aftership").orElse(AfterShipConnection.DEFAULT_BASE), http),
                new Kuaidi100Connection(baseUrl.apply("kuaidi100").orElse(Kuaidi100Connection.DEFAULT_BASE), http)));
    }

    public Optional<CarrierConnection> forSource(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The sources a tenant can hold an account for. */
    public Set<String> sources() {
        return bySource.keySet();
    }
}
