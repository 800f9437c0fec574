package dev.tracklight.local;

import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.operator.Operator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./tracklight key ...} against the local cloud's table: what an operator sees and what the API then accepts. */
class KeyCommandTest {

    private static final Pattern KEY = Pattern.compile("key:\\s+(tl_\\S+)");
    private static final Pattern PREFIX = Pattern.compile("prefix: (tl_\\S+)");

    private record Run(int exit, String out) {
        String find(Pattern pattern) {
            Matcher matcher = pattern.matcher(out);
            assertThat(matcher.find()).as(out).isTrue();
            return matcher.group(1);
        }
    }

    private static Run key(String... args) throws Exception {
        var bytes = new ByteArrayOutputStream();
        var operator = new Operator(new FunctionEnvironment(SharedCloud.get().environmentOf("TrackingApiFunction")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit = operator.key(new ArrayList<>(List.of(args)));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anOperatorCreatesListsRotatesAndRevokesATenantsKeys() throws Exception {
        String tenant = "tenant-cli-" + UUID.randomUUID();
        ApiKeyStore keys = new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table());

        Run created = key("create", "--tenant", tenant, "--admin");
        String secret = created.find(KEY);
        String prefix = created.find(PREFIX);
        assertThat(keys.find(secret)).hasValueSatisfying(k -> assertThat(k.tenantId()).isEqualTo(tenant));

        Run listed = key("list", "--tenant", tenant);
        assertThat(listed.out()).contains(prefix + "  ADMIN").doesNotContain(secret);

        Run rotated = key("rotate", prefix, "--tenant", tenant, "--grace-hours", "2");
        String newSecret = rotated.find(KEY);
        assertThat(rotated.out()).contains(prefix + " works for 2 more hour(s)");
        assertThat(keys.find(secret)).as("in its grace period").isPresent();
        assertThat(keys.find(newSecret)).isPresent();

        assertThat(key("revoke", prefix, "--tenant", tenant).exit()).isZero();
        assertThat(keys.find(secret)).isEmpty();
        assertThat(key("revoke", prefix, "--tenant", tenant).exit()).as("already gone").isEqualTo(1);
        assertThat(key("rotate", "--tenant", tenant).exit()).as("usage").isEqualTo(2);
        assertThat(key("create", "--tenant", tenant, "--grace-hours", "soon").exit()).as("usage").isEqualTo(2);
    }
}
