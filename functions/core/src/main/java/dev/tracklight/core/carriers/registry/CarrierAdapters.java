package dev.tracklight.core.carriers.registry;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.aftership.AfterShipAdapter;
import dev.tracklight.core.carriers.dhl.DhlAdapter;
import dev.tracklight.core.carriers.easypost.EasyPostAdapter;
import dev.tracklight.core.carriers.fedex.FedExAdapter;
import dev.tracklight.core.carriers.kuaidi100.Kuaidi100Adapter;
import dev.tracklight.core.carriers.seventeentrack.SeventeenTrackAdapter;
import dev.tracklight.core.carriers.sfexpress.SfExpressAdapter;
import dev.tracklight.core.carriers.shippo.ShippoAdapter;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.carriers.ups.UpsAdapter;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every webhook source Tracklight accepts, by the name in its URL. */
public final class CarrierAdapters {

    private final Map<String, CarrierAdapter> bySource;

    public CarrierAdapters(CarrierAdapter... adapters) {
        this.bySource = Stream.of(adapters).collect(Collectors.toUnmodifiableMap(CarrierAdapter::source, Function.identity()));
    }

    public static CarrierAdapters all(Clock clock) {
        return new CarrierAdapters(new TracklightAdapter(clock), new EasyPostAdapter(), new Kuaidi100Adapter(),
                new AfterShipAdapter(), new UpsAdapter(), new SeventeenTrackAdapter(),
                new SfExpressAdapter(), new ShippoAdapter(), new FedExAdapter(), new DhlAdapter());
    }

    public Optional<CarrierAdapter> forSource(String source) {
        return Optional.ofNullable(source == null ? null : bySource.get(source));
    }
}
