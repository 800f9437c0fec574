package dev.tracklight.api;

import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.tenant.Branding;

import java.util.List;

/** {@code GET|PUT|DELETE /v1/branding}: how the caller's tracking pages show the shop. */
public final class BrandingApi {

    private final BrandingStore branding;

    public BrandingApi(BrandingStore branding) {
        this.branding = branding;
    }

    public Branding get(Caller caller) throws ProblemException {
        return branding.read(caller.tenantId())
                .orElseThrow(() -> new ProblemException(Problem.notFound("no branding set; the pages show Tracklight's own look")));
    }

    /** Replaces the branding; pages show it from their next load within a minute. */
    public Branding replace(Caller caller, String body) throws ProblemException {
        Branding replacement = Bodies.read(body, Branding.class, "branding (name, logoUrl, primaryColor, supportEmail, supportPhone, "
                + "supportUrl, links of {label, url})");
        List<String> problems = replacement.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.unprocessable(String.join("; ", problems)));
        }
        branding.write(caller.tenantId(), replacement);
        return replacement;
    }

    public void remove(Caller caller) {
        branding.remove(caller.tenantId());
    }
}
