package dev.tracklight.local.bus;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.invoke.LocalFunction;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import software.amazon.event.ruler.Machine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge on one machine: buses whose rules are the template's event patterns, matched by AWS's own
 * Event Ruler, delivering asynchronously to their target functions with retries; and schedules that fire
 * on a timer.
 */
public final class LocalEventBridge implements AutoCloseable {

    public static final String DEFAULT_BUS = "default";
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final int DELIVERY_ATTEMPTS = 3;
    /** The entries of one PutEvents request must add up to less (EventBridge User Guide, "Calculating PutEvents event entry size"). */
    static final long MAX_REQUEST_BYTES = 256 * 1024;

    private final String region;
    private final String accountId;
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, LocalFunction> targets = new ConcurrentHashMap<>();
    private final List<Runnable> schedules = new ArrayList<>();
    private final ExecutorService deliveries = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("eventbridge-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("eventbridge-schedule").factory());

    private final AtomicLong failures = new AtomicLong();

    public LocalEventBridge(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** Adds a rule with an event pattern (as declared) whose target is {@code function}. */
    public void addRule(String busName, String ruleName, Map<String, Object> pattern, LocalFunction function) {
        try {
            machines.computeIfAbsent(busName, name -> Machine.builder().build()).addRule(ruleName, Json.write(pattern));
        } catch (Exception e) {
            throw new IllegalArgumentException("rule " + ruleName + " has an invalid event pattern: " + e.getMessage(), e);
        }
        targets.put(ruleName, function);
    }

    /** Adds a {@code rate(...)} schedule on the default bus. */
    public void addSchedule(String expression, LocalFunction function) {
        Matcher rate = RATE.matcher(expression.trim());
        if (!rate.matches()) {
            throw new IllegalArgumentException("the local cloud runs rate(...) schedules only, not " + expression);
        }
        Duration period = switch (rate.group(2).replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(Long.parseLong(rate.group(1)));
            case "hour" -> Duration.ofHours(Long.parseLong(rate.group(1)));
            default -> Duration.ofDays(Long.parseLong(rate.group(1)));
        };
        Runnable fire = () -> deliver(function, event("aws.events", "Scheduled Event", Map.of()));
        schedules.add(fire);
        timer.scheduleAtFixedRate(fire, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fires every schedule now, as if its period had passed: all at once, as EventBridge's rules fire independently. */
    public void fireSchedules() {
        try (var firing = Executors.newVirtualThreadPerTaskExecutor()) {
            schedules.forEach(firing::submit);
        }
    }

    /**
     * PutEvents: matches each entry against the bus's rules and delivers it to their targets.
     *
     * @return the id given to each entry
     */
    public List<String> putEvents(List<Entry> entries) {
        if (entries.stream().mapToLong(Entry::size).sum() >= MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("Total size of the entries in the request is over the limit.");
        }
        List<String> ids = new ArrayList<>();
        for (Entry entry : entries) {
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = Json.read(entry.detail(), Map.class);
            ScheduledEvent event = event(entry.source(), entry.detailType(), detail);
            ids.add(event.getId());
            Machine machine = machines.get(entry.busName() == null ? DEFAULT_BUS : entry.busName());
            if (machine == null) {
                continue;
            }
            try {
                for (String rule : machine.rulesForJSONEvent(envelope(event, entry.detail()))) {
                    deliveries.submit(() -> deliver(targets.get(rule), event));
                }
            } catch (Exception e) {
                throw new IllegalArgumentException("event could not be matched: " + e.getMessage(), e);
            }
        }
        return ids;
    }

    private void deliver(LocalFunction function, ScheduledEvent event) {
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            try {
                function.invoke(event);
                return;
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                System.err.println("[eventbridge] " + function.name() + " failed (attempt " + attempt + "): " + e);
            }
        }
    }

    private ScheduledEvent event(String source, String detailType, Map<String, Object> detail) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(UUID.randomUUID().toString());
        event.setSource(source);
        event.setDetailType(detailType);
        event.setAccount(accountId);
        event.setRegion(region);
        event.setTime(new DateTime(Instant.now().toEpochMilli(), DateTimeZone.UTC));
        event.setResources(List.of());
        event.setDetail(detail);
        return event;
    }

    /** The event as EventBridge matches it: the envelope fields plus the detail. */
    private static String envelope(ScheduledEvent event, String detailJson) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", event.getVersion());
        envelope.put("id", event.getId());
        envelope.put("detail-type", event.getDetailType());
        envelope.put("source", event.getSource());
        envelope.put("account", event.getAccount());
        envelope.put("time", event.getTime().toString());
        envelope.put("region", event.getRegion());
        envelope.put("resources", event.getResources());
        String head = Json.write(envelope);
        return head.substring(0, head.length() - 1) + ",\"detail\":" + detailJson + "}";
    }

    /** Deliveries to a target that threw, counting each attempt, since the start. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(10, TimeUnit.SECONDS)) {
                deliveries.shutdownNow();
            }
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One PutEvents entry. */
    public record Entry(String busName, String source, String detailType, String detail) {

        /** As EventBridge counts it: the UTF-8 bytes of source, detail type and detail (no resources or time are sent). */
        long size() {
            return utf8(source) + utf8(detailType) + utf8(detail);
        }

        private static long utf8(String text) {
            return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
