package dev.tracklight.core.tenant;

import dev.tracklight.core.analytics.ServiceStage;
import dev.tracklight.core.delay.DelayPolicy;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.delay.StageSla;
import dev.tracklight.core.notify.NotifyPreferences;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's own thresholds and choices, each optional: the chance of missing the promise from which a shipment
 * is AT_RISK, stage SLAs for all its shipments, stage SLAs for one carrier's (which win over both the
 * tenant's general ones and the carrier's platform defaults), what its consumers are told when, and the share of
 * cases each stage of the service-level table must meet in its console (the table's own where it says nothing).
 */
public record TenantSettings(Double lateWarningProbability, Map<Stage, Long> stageSlaHours,
                             Map<String, Map<Stage, Long>> carrierStageSlaHours, NotifyPreferences notifications,
                             Map<ServiceStage, Double> slaTargets) {

    /** The longest SLA a tenant may set: longer would never call anything stalled. */
    public static final long MAX_SLA_HOURS = 30 * 24;

    public static final TenantSettings NONE = new TenantSettings(null, Map.of(), Map.of(), null, Map.of());

    public TenantSettings {
        // copies that keep nulls, so problems() can name them instead of the constructor failing on them
        stageSlaHours = stageSlaHours == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stageSlaHours));
        carrierStageSlaHours = carrierStageSlaHours == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(carrierStageSlaHours));
        slaTargets = slaTargets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slaTargets));
    }

    /** What the tenant's consumers are told: its own choice, or the defaults. */
    public NotifyPreferences notifyPreferences() {
        return notifications == null ? NotifyPreferences.DEFAULTS : notifications;
    }

    /** The policy for one of the tenant's shipments: platform defaults, then the tenant's, then the tenant's for its carrier. */
    public DelayPolicy policyFor(String carrier) {
        StageSla sla = StageSla.forCarrier(carrier)
                .withOverrides(durations(stageSlaHours))
                .withOverrides(durations(carrierStageSlaHours.getOrDefault(carrier, Map.of())));
        return new DelayPolicy(sla, lateWarningProbability);
    }

    /** What is wrong with these settings, in words a merchant can act on; empty when they are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (lateWarningProbability != null && !(lateWarningProbability > 0 && lateWarningProbability < 1)) {
            problems.add("lateWarningProbability must be between 0 and 1 (exclusive)");
        }
        checkHours("stageSlaHours", stageSlaHours, problems);
        problems.addAll(notifyPreferences().problems());
        slaTargets.forEach((stage, share) -> {
            if (stage == null || share == null || !(share > 0 && share <= 1)) {
                problems.add("slaTargets." + stage + " must be a share above 0 and at most 1 (0.995 for 99.5 %)");
            }
        });
        carrierStageSlaHours.forEach((carrier, hours) -> {
            if (hours == null) {
                problems.add("carrierStageSlaHours." + carrier + " must be an object of stage hours");
            } else {
                checkHours("carrierStageSlaHours." + carrier, hours, problems);
            }
        });
        return problems;
    }

    private static void checkHours(String field, Map<Stage, Long> hours, List<String> problems) {
        hours.forEach((stage, value) -> {
            if (stage == null || value == null || value < 1 || value > MAX_SLA_HOURS) {
                problems.add(field + "." + stage + " must be a whole number of hours from 1 to " + MAX_SLA_HOURS);
            }
        });
    }

    private static Map<Stage, Duration> durations(Map<Stage, Long> hours) {
        Map<Stage, Duration> durations = new EnumMap<>(Stage.class);
        hours.forEach((stage, value) -> durations.put(stage, Duration.ofHours(value)));
        return durations;
    }
}
