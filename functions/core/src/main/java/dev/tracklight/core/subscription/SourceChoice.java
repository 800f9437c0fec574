package dev.tracklight.core.subscription;

import dev.tracklight.core.carriers.connect.CarrierConnection;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a tenant's accounts follows a carrier: the carrier's own API first, then an aggregator account the
 * tenant named the carrier for, then one that follows every carrier; between equals, the source's name decides,
 * so the choice never changes between two calls.
 */
public final class SourceChoice {

    private SourceChoice() {
    }

    public static Optional<CarrierAccount> forCarrier(String carrier, List<CarrierAccount> accounts, CarrierConnections connections) {
        return accounts.stream()
                .filter(account -> rank(carrier, account, connections) < Integer.MAX_VALUE)
                .min(Comparator.comparingInt((CarrierAccount account) -> rank(carrier, account, connections))
                        .thenComparing(CarrierAccount::source));
    }

    private static int rank(String carrier, CarrierAccount account, CarrierConnections connections) {
        Optional<CarrierConnection> connection = connections.forSource(account.source());
        if (connection.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        boolean direct = connection.get().carriers().contains(carrier);
        boolean servesAny = connection.get().carriers().isEmpty();
        if (direct) {
            return 0;
        }
        if (servesAny && account.carriers().contains(carrier)) {
            return 1;
        }
        return servesAny && account.carriers().isEmpty() ? 2 : Integer.MAX_VALUE;
    }
}
