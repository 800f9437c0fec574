package dev.tracklight.api;

import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.tenant.TenantSettings;

import java.util.List;

/** {@code GET|PUT /v1/settings}: the caller's delay thresholds. */
public final class SettingsApi {

    private final TenantSettingsStore settings;

    public SettingsApi(TenantSettingsStore settings) {
        this.settings = settings;
    }

    public TenantSettings get(Caller caller) {
        return settings.read(caller.tenantId());
    }

    /** Replaces the settings; they apply to the next judgement of each shipment. */
    public TenantSettings replace(Caller caller, String body) throws ProblemException {
        TenantSettings replacement = Bodies.read(body, TenantSettings.class,
                "settings (stages are FIRST_MILE, LINE_HAUL, LAST_MILE, PICKUP_POINT, EXCEPTION; hours whole numbers)");
        List<String> problems = replacement.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.unprocessable(String.join("; ", problems)));
        }
        settings.write(caller.tenantId(), replacement);
        return replacement;
    }
}
