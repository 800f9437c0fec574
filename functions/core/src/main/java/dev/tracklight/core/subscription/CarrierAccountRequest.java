package dev.tracklight.core.subscription;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookSecrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a merchant sends to store an account: the credentials the source needs, by name, and optionally the
 * carriers to follow through it.
 */
public record CarrierAccountRequest(Map<String, String> credentials, List<String> carriers) {

    private static final int MAX_SECRET = 512;
    private static final int MAX_CARRIERS = 100;

    /** The request checked against what the source needs: every credential it names, no other, each of sane length. */
    public CarrierAccountRequest admitted(CarrierConnection connection) throws ProblemException {
        Map<String, String> given = credentials == null ? Map.of() : credentials;
        List<String> problems = new ArrayList<>();
        for (String name : connection.credentialNames()) {
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                problems.add("credentials." + name + " is required for " + connection.source());
            } else if (value.length() > MAX_SECRET) {
                problems.add("credentials." + name + " has " + value.length() + " characters; at most " + MAX_SECRET);
            }
        }
        // the credential a source signs its pushes with becomes the tenant's endpoint secret, held to its length
        connection.pushSignedWith().map(given::get).filter(value -> !value.isBlank() && value.length() < WebhookSecrets.MIN_LENGTH)
                .ifPresent(value -> problems.add("credentials." + connection.pushSignedWith().get() + " signs " + connection.source()
                        + "'s pushes and has " + value.length() + " characters; at least " + WebhookSecrets.MIN_LENGTH));
        given.keySet().stream().filter(name -> !connection.credentialNames().contains(name))
                .forEach(name -> problems.add("credentials." + Bounds.cut(name, 40) + " is not one " + connection.source()
                        + " takes (" + String.join(", ", connection.credentialNames()) + ")"));
        List<String> codes = carriers == null ? List.of() : carriers;
        if (codes.size() > MAX_CARRIERS) {
            problems.add("carriers has " + codes.size() + " entries; at most " + MAX_CARRIERS);
        }
        codes.stream().filter(code -> code == null || !Bounds.CARRIER.matcher(code).matches()).findFirst()
                .ifPresent(code -> problems.add("carriers must be carrier codes (ups, usps, dhl …), not '" + Bounds.cut(String.valueOf(code), 40) + "'"));
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.unprocessable(String.join("; ", problems)));
        }
        return new CarrierAccountRequest(new TreeMap<>(given), codes.stream().distinct().sorted().toList());
    }
}
