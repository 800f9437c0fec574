package dev.tracklight.core.tenant;

import dev.tracklight.core.analytics.ServiceStage;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.delay.StageSla;
import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantSettingsTest {

    @Test
    void aTenantsCarrierSlaWinsOverItsGeneralOneWhichWinsOverTheCarriersDefault() {
        // GIVEN a tenant that allows 48 h everywhere on the last mile and 12 h for UPS, and 120 h line haul
        var settings = new TenantSettings(0.3, Map.of(Stage.LAST_MILE, 48L, Stage.LINE_HAUL, 120L),
                Map.of("ups", Map.of(Stage.LAST_MILE, 12L)), null, null);

        // WHEN its policies are resolved
        var ups = settings.policyFor("ups").sla();
        var usps = settings.policyFor("usps").sla();

        // THEN each stage takes the most specific limit
        assertThat(ups.limit(Stage.LAST_MILE)).isEqualTo(Duration.ofHours(12));
        assertThat(usps.limit(Stage.LAST_MILE)).isEqualTo(Duration.ofHours(48));
        assertThat(usps.limit(Stage.LINE_HAUL)).as("tenant over the carrier default of 96 h").isEqualTo(Duration.ofHours(120));
        assertThat(ups.limit(Stage.FIRST_MILE)).isEqualTo(StageSla.DEFAULT.limit(Stage.FIRST_MILE));
        assertThat(settings.policyFor("ups").lateWarningProbability()).isEqualTo(0.3);
    }

    @Test
    void withoutSettingsTheCarriersDefaultsApply() {
        assertThat(TenantSettings.NONE.policyFor("usps").sla().limit(Stage.LINE_HAUL)).isEqualTo(Duration.ofHours(96));
        assertThat(TenantSettings.NONE.policyFor("usps").lateWarningProbability()).isNull();
        assertThat(TenantSettings.NONE.problems()).isEmpty();
    }

    @Test
    void namesEveryInvalidValue() {
        Map<Stage, Long> nullHours = new HashMap<>();
        nullHours.put(Stage.LAST_MILE, null);
        var settings = new TenantSettings(1.5, Map.of(Stage.LINE_HAUL, 0L), Map.of("dhl", nullHours), null,
                Map.of(ServiceStage.LAST_MILE, 1.5));

        assertThat(settings.problems()).containsExactlyInAnyOrder(
                "lateWarningProbability must be between 0 and 1 (exclusive)",
                "stageSlaHours.LINE_HAUL must be a whole number of hours from 1 to 720",
                "carrierStageSlaHours.dhl.LAST_MILE must be a whole number of hours from 1 to 720",
                "slaTargets.LAST_MILE must be a share above 0 and at most 1 (0.995 for 99.5 %)");
    }

    @Test
    void survivesAJsonRoundTrip() {
        var settings = new TenantSettings(0.25, Map.of(Stage.LAST_MILE, 48L), Map.of("ups", Map.of(Stage.LINE_HAUL, 60L)),
                new dev.tracklight.core.notify.NotifyPreferences(Map.of(dev.tracklight.core.notify.NotifyChannel.EMAIL,
                        java.util.Set.of(dev.tracklight.core.notify.Moment.DELIVERED)),
                        new dev.tracklight.core.notify.QuietHours(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(8, 0))), Map.of());

        assertThat(Json.read(Json.write(settings), TenantSettings.class)).isEqualTo(settings);
    }
}
