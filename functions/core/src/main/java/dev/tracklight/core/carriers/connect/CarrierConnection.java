package dev.tracklight.core.carriers.connect;

import java.util.List;
import java.util.Map;

/**
 * What Tracklight asks of a source with a tenant's account: register its push callback once, and follow a
 * number. One per connector folder ({@code carriers/<source>/<Source>Connection}), next to the parser of the
 * pushes it leads to.
 */
public interface CarrierConnection {

    String source();

    /** The credential names a tenant's account must hold for this source ("apiKey" …). */
    List<String> credentialNames();

    /** The carriers this source follows; empty when it follows any (an aggregator). */
    List<String> carriers();

    /**
     * Makes the source push to the tenant's endpoint ({@code callbackUrl}, signed with {@code callbackSecret}).
     * Called once per account, before its first subscription, for sources whose callback is per account.
     *
     * @return null when done, else why the source refused
     */
    String registerCallback(Map<String, String> credentials, String callbackUrl, String callbackSecret) throws SourceUnavailable;

    SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable;
}
