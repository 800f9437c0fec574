package dev.tracklight.local;

import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.CredentialCipher;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.subscription.CarrierAccount;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writes two requests can race on keep what must not be undone, against DynamoDB Local. */
class SubscriptionStoresTest {

    @Test
    void anEndedSubscriptionStaysEndedWhateverALatePollWrites() throws Exception {
        SubscriptionStore store = new SubscriptionStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
        String shipmentId = "shp_race" + UUID.randomUUID();
        Instant now = Instant.now();

        assertThat(store.put(shipmentId, new Subscription("easypost", SubscriptionState.ACTIVE, "trk_1", null, now))).isTrue();
        assertThat(store.put(shipmentId, new Subscription("easypost", SubscriptionState.ENDED, "trk_1", null, now))).isTrue();
        assertThat(store.put(shipmentId, new Subscription("easypost", SubscriptionState.ACTIVE, "trk_1", "late", now))).isFalse();

        assertThat(store.get(shipmentId).orElseThrow().state()).isEqualTo(SubscriptionState.ENDED);
    }

    @Test
    void aCallbackIsClaimedOnceAndAReplacedAccountIsNotWrittenOver() throws Exception {
        var accounts = new CarrierAccountStore(SharedCloud.get().dynamoDb(), SharedCloud.table(),
                new CredentialCipher("test-key-material", Optional.empty()), Clock.systemUTC());
        String tenant = "tenant-claim-" + UUID.randomUUID();
        CarrierAccount first = accounts.put(tenant, "easypost", Map.of("apiKey", "EZTKone"), List.of(), "ep1");

        // two requests racing for the first subscription: only one registers the callback
        assertThat(accounts.claimCallback(first)).isTrue();
        assertThat(accounts.claimCallback(first)).isFalse();

        // a PUT replaces the account; the first request's answer must not mark the new credentials' callback done
        Thread.sleep(5);
        CarrierAccount replaced = accounts.put(tenant, "easypost", Map.of("apiKey", "EZTKtwo"), List.of(), "ep1");
        accounts.update(first.withCallbackRegistered());
        assertThat(accounts.find(tenant, "easypost").orElseThrow().callbackRegistered()).isFalse();
        assertThat(accounts.credentials(tenant, "easypost")).containsEntry("apiKey", "EZTKtwo");
        assertThat(accounts.claimCallback(replaced)).as("the new account has its own claim").isTrue();
    }

    @Test
    void aTenantsCallsToASourceAreCountedPerWindowOfItsRateLimit() throws Exception {
        // GIVEN a source that allows two calls an hour, and a clock set inside one hour
        Instant inside = Instant.parse("2026-12-02T10:59:00Z");
        MovableClock clock = new MovableClock(inside);
        SourceQuota quota = new SourceQuota(SharedCloud.get().dynamoDb(), SharedCloud.table(), clock);
        RateLimit twoAnHour = new RateLimit(2, Duration.ofHours(1));
        String tenant = "tenant-quota-" + UUID.randomUUID();

        // THEN the tenant gets two calls in that hour, another tenant its own two, and the next hour two again
        assertThat(quota.take(tenant, "usps", twoAnHour)).isTrue();
        assertThat(quota.take(tenant, "usps", twoAnHour)).isTrue();
        assertThat(quota.take(tenant, "usps", twoAnHour)).isFalse();
        assertThat(quota.take("other-" + tenant, "usps", twoAnHour)).isTrue();
        assertThat(twoAnHour.windowEnd(inside)).isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(quota.take(tenant, "usps", twoAnHour)).isTrue();
    }

    @Test
    void afterARotationEveryCredentialIsSealedAgainSoThePreviousKeyCanBeDropped() throws Exception {
        // GIVEN credentials sealed with the old key
        String tenant = "tenant-rotate-" + UUID.randomUUID();
        var old = new CarrierAccountStore(SharedCloud.get().dynamoDb(), SharedCloud.table(), new CredentialCipher("old-key-material-0001",
                Optional.empty()), Clock.systemUTC());
        old.put(tenant, "easypost", Map.of("apiKey", "EZTKrotated"), List.of(), null);

        // WHEN the functions hold the new key with the old one as previous, and the operator reseals
        var during = new CarrierAccountStore(SharedCloud.get().dynamoDb(), SharedCloud.table(), new CredentialCipher("new-key-material-0002",
                Optional.of("old-key-material-0001")), Clock.systemUTC());
        assertThat(during.credentials(tenant, "easypost")).as("still opens during the rotation").containsEntry("apiKey", "EZTKrotated");
        assertThat(during.resealAll().resealed()).isPositive();

        // THEN the new key alone opens it
        var after = new CarrierAccountStore(SharedCloud.get().dynamoDb(), SharedCloud.table(), new CredentialCipher("new-key-material-0002",
                Optional.empty()), Clock.systemUTC());
        assertThat(after.credentials(tenant, "easypost")).containsEntry("apiKey", "EZTKrotated");
        assertThatThrownBy(() -> old.credentials(tenant, "easypost")).isInstanceOf(IllegalStateException.class);
    }
}
