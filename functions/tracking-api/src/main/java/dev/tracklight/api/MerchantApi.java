package dev.tracklight.api;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.env.WebhookDestinations;
import dev.tracklight.aws.queue.NotifyRequests;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.CarrierAccounts;
import dev.tracklight.aws.store.CredentialCipher;
import dev.tracklight.aws.store.IdempotencyStore;
import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.aws.store.TallyStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.aws.store.WebhookSubscriptionStore;
import dev.tracklight.aws.tracking.PublicViews;
import dev.tracklight.aws.tracking.ShipmentRegistry;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.outbound.DestinationPolicy;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.subscription.CarrierConnections;

import java.time.Clock;
import java.util.Optional;

/** The API's parts and the authentication in front of them, wired once per function instance. */
public record MerchantApi(Authenticator authenticator, PublicTracking tracking, OrderLookupApi orderLookup, NotificationsApi notifications,
                          ShipmentsApi shipments,
                          OrdersApi orders, SettingsApi settings, BrandingApi branding,
                          PrivacyApi privacy, KeysApi keys, WebhooksApi webhooks, CarrierAccountsApi carrierAccounts,
                          AnalyticsApi analytics) {

    public static MerchantApi wire(FunctionEnvironment env, AwsClients aws) {
        var dynamo = aws.dynamoDb();
        String table = env.require("TABLE_NAME");
        String publicBaseUrl = env.require("PUBLIC_BASE_URL");
        Clock clock = Clock.systemUTC();
        var store = new ShipmentStore(dynamo, table);
        var orders = new OrderStore(dynamo, table, clock);
        var quota = new SourceQuota(dynamo, table, clock);
        var notifications = new NotificationStore(dynamo, table, clock);
        var timeline = new TimelineStore(dynamo, table, clock);
        var settings = new TenantSettingsStore(dynamo, table, clock);
        var tracker = ShipmentTracker.wire(env, aws, settings);
        var apiKeys = new ApiKeyStore(dynamo, table, clock);
        var subscriptions = new SubscriptionStore(dynamo, table);
        var branding = new BrandingStore(dynamo, table, clock);
        var requests = new SubscriptionRequests(aws.sqs(), env.require("SUBSCRIPTIONS_QUEUE_URL"));
        return new MerchantApi(new Authenticator(apiKeys), new PublicTracking(store, orders, new PublicViews(timeline, subscriptions), branding),
                new OrderLookupApi(orders, store, quota, publicBaseUrl),
                new NotificationsApi(notifications, store,
                        new NotifyRequests(aws.sqs(), env.require("NOTIFY_QUEUE_URL")), quota, clock),
                new ShipmentsApi(store, timeline, new ShipmentRegistry(store, orders, timeline, tracker, requests, clock), tracker, subscriptions, requests,
                        new IdempotencyStore(dynamo, table, clock), publicBaseUrl, clock),
                new OrdersApi(orders, store, publicBaseUrl, clock), new SettingsApi(settings), new BrandingApi(branding),
                new PrivacyApi(store, notifications, tracker, publicBaseUrl, clock), new KeysApi(apiKeys),
                new WebhooksApi(new WebhookSubscriptionStore(dynamo, table), new WebhookDeliveryStore(dynamo, table),
                        WebhookDestinations.policy(env), DestinationPolicy.Resolver.SYSTEM, clock),
                new CarrierAccountsApi(new CarrierAccounts(new CarrierAccountStore(dynamo, table, CredentialCipher.from(env), clock),
                        new WebhookEndpointStore(dynamo, table), CarrierConnections.of(source -> Optional.empty()), subscriptions, requests)),
                new AnalyticsApi(new TallyStore(dynamo, table), settings, clock));
    }

    Caller caller(String authorization) throws ProblemException {
        return authenticator.caller(authorization);
    }

    Caller admin(String authorization) throws ProblemException {
        return authenticator.admin(authorization);
    }
}
