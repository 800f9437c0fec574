package dev.tracklight.local;

import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.store.PollScheduleStore;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.invoke.LocalContext;
import dev.tracklight.subscribe.PollDueHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule run takes no new work once its invocation nears its timeout, and leaves what it did not take due for the
 * next run; the poll scheduler hands its polls over ten to a request. Requests are counted by an SDK interceptor.
 */
class ScheduleDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:20:00Z");
    private static final int DUE = 23;

    private final Map<Class<?>, AtomicInteger> requests = new ConcurrentHashMap<>();
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private PollScheduleStore schedule;
    private String queueUrl;

    @BeforeEach
    void ownTableAndQueue() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                SdkRequest request = context.request();
                requests.computeIfAbsent(request.getClass(), type -> new AtomicInteger()).incrementAndGet();
            }
        };
        dynamo = DynamoDbClient.builder().region(cloud.dynamoDb().serviceClientConfiguration().region())
                .endpointOverride(cloud.dynamoDb().serviceClientConfiguration().endpointOverride().orElseThrow())
                .overrideConfiguration(config -> config.addExecutionInterceptor(counting)).build();
        sqs = SqsClient.builder().region(cloud.sqs().serviceClientConfiguration().region())
                .endpointOverride(cloud.sqs().serviceClientConfiguration().endpointOverride().orElseThrow())
                .overrideConfiguration(config -> config.addExecutionInterceptor(counting)).build();
        schedule = new PollScheduleStore(dynamo, TableOfItsOwn.create(cloud.dynamoDb(), "deadline"));
        queueUrl = sqs.createQueue(request -> request.queueName("deadline-" + System.nanoTime())).queueUrl();
        for (int i = 0; i < DUE; i++) {
            schedule.schedule("shp_deadline_" + i, NOW.minus(Duration.ofMinutes(i)));
        }
        requests.clear();
    }

    @AfterEach
    void close() {
        sqs.deleteQueue(request -> request.queueUrl(queueUrl));
        sqs.close();
        dynamo.close();
    }

    @Test
    void aRunWhoseTimeIsUpHandsNothingOverAndTheNextRunHandsEverythingTenToARequest() throws Exception {
        // GIVEN 23 polls due, and a run invoked with less time left than the reserve it keeps for its last writes
        String cutShort = invokePollDue(Duration.ofSeconds(1));

        // THEN it hands none over, and all stay due
        assertThat(cutShort).isEqualTo("0");
        assertThat(schedule.due(NOW, Duration.ofHours(24), Deadline.none())).hasSize(DUE);
        assertThat(received()).isEmpty();

        // WHEN the next run has its full time
        requests.clear();
        String full = invokePollDue(Duration.ofSeconds(15));

        // THEN every poll is leased and queued once, in three batch requests of each kind and no single ones
        assertThat(full).isEqualTo(Integer.toString(DUE));
        assertThat(count(SendMessageBatchRequest.class)).isEqualTo(3);
        assertThat(count(BatchWriteItemRequest.class)).isEqualTo(3);
        assertThat(count(SendMessageRequest.class) + count(PutItemRequest.class)).isZero();
        List<Message> messages = received();
        assertThat(messages.stream().map(message -> Json.read(message.body(), SubscriptionRequests.Request.class).shipmentId()))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, DUE).mapToObj(i -> "shp_deadline_" + i).toList());
        // AND each poll is a journey of its own
        Set<String> correlationIds = messages.stream().map(message -> message.messageAttributes().get(Correlation.ATTRIBUTE).stringValue())
                .collect(Collectors.toSet());
        assertThat(correlationIds).hasSize(DUE);
        // AND the leases keep them from being handed over again before they end
        assertThat(schedule.due(NOW.plus(Duration.ofMinutes(4)), Duration.ofHours(24), Deadline.none())).isEmpty();
        assertThat(schedule.due(NOW.plus(Duration.ofMinutes(6)), Duration.ofHours(24), Deadline.none())).hasSize(DUE);
    }

    @Test
    void aDeadlineOfNoTimeHasPassedAndNoneNeverDoes() {
        assertThat(Deadline.after(Duration.ZERO).passed()).isTrue();
        assertThat(Deadline.after(Duration.ofMinutes(1)).passed()).isFalse();
        assertThat(Deadline.none().passed()).isFalse();
    }

    private String invokePollDue(Duration timeLeft) throws Exception {
        var handler = new PollDueHandler(schedule, new SubscriptionRequests(sqs, queueUrl), Clock.fixed(NOW, ZoneOffset.UTC));
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), result, new LocalContext("PollDueFunction", timeLeft));
        return result.toString(StandardCharsets.UTF_8);
    }

    private int count(Class<?> type) {
        return requests.getOrDefault(type, new AtomicInteger()).get();
    }

    private List<Message> received() {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).messageAttributeNames("All")
                    .waitTimeSeconds(0)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }
}
