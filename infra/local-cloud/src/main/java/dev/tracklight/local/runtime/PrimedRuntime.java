package dev.tracklight.local.runtime;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import dev.tracklight.aws.priming.SnapStartPriming;

/**
 * The closest this machine gets to an instance restored from a SnapStart snapshot: the handler's class is
 * loaded (its static initializer registers its primer), the priming hooks run as CRaC runs them before the
 * snapshot, then the Lambda runtime client starts as usual. The first invocation's duration after this
 * is what a restored instance pays; the priming itself is counted in the init, as SnapStart counts it in the
 * snapshot's creation, not in any invocation.
 */
public final class PrimedRuntime {

    private PrimedRuntime() {
    }

    /** @param args as the runtime client's: the handler string ({@code package.Class::method}) */
    public static void main(String[] args) throws Throwable {
        String handler = args[0];
        Class.forName(handler.substring(0, handler.indexOf("::")), true, ClassLoader.getSystemClassLoader());
        SnapStartPriming.primeAll();
        AWSLambda.main(args);
    }
}
