package dev.tracklight.core.notify;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.DelayReason;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of every message, in English and Chinese: what happened, when it should arrive (in the recipient's own
 * time), the shop's name and colour, the live page, and how to stop. E-mails carry schema.org's ParcelDelivery
 * (Gmail's "Track package"); texts stay short.
 */
public final class ConsumerMessages {

    private static final String TRACKLIGHT_GREEN = "#0a7d5a";

    private ConsumerMessages() {
    }

    /** The shop as its messages show it: its name, its https logo, and its colour (checked to read on white when set). */
    public record Shop(String name, String logoUrl, String primaryColor) {
    }

    /** Where a message's links lead: the parcel's live page, and the link that confirms or stops the updates. */
    public record Links(String page, String confirm, String unsubscribe) {
    }

    /** The double opt-in: the one message sent before the consumer confirms. */
    public static ConsumerMessage confirmation(Shipment shipment, Shop shop, String locale, Links links) {
        Words words = new Words(shipment, shop, locale);
        String subject = words.zh ? "请确认接收" + words.shop + "包裹的物流通知" : "Confirm updates for your parcel from " + words.shop;
        String line = words.zh ? "您申请接收" + words.parcel + "的物流通知。请点击链接确认：" : "You asked for updates on " + words.parcel + ". Confirm here:";
        String ignore = words.zh ? "如非本人操作，请忽略本消息，我们不会再发送任何内容。" : "If it was not you, ignore this message: nothing more will be sent.";
        String text = line + "\n" + links.confirm() + "\n\n" + ignore + "\n";
        String html = html(words, subject, line, links.confirm(), words.zh ? "确认接收通知" : "Confirm updates", escape(ignore), null);
        String sms = words.shop + (words.zh ? "：确认接收包裹 " + shipment.trackingNumber() + " 的通知 " : ": confirm updates on parcel "
                + shipment.trackingNumber() + " ") + links.confirm();
        return new ConsumerMessage(subject, text, html, sms);
    }

    /** A moment of the journey, as the subscriber reads it. */
    public static ConsumerMessage moment(Moment moment, Shipment shipment, Shop shop, String locale, Links links) {
        Words words = new Words(shipment, shop, locale);
        String subject = words.subject(moment);
        String line = words.line(moment);
        String eta = moment == Moment.DELIVERED || shipment.eta() == null ? null : words.arriving(shipment.eta());
        String body = eta == null ? line : line + " " + eta;
        String stop = (words.zh ? "退订通知：" : "No more updates: ") + links.unsubscribe();
        String text = body + "\n\n" + (words.zh ? "实时查看：" : "Follow it live: ") + links.page() + "\n" + stop + "\n";
        String html = html(words, subject, body, links.page(), words.zh ? "实时查看" : "Follow it live",
                (words.zh ? "不想再收到通知？" : "No more updates? ") + "<a href=\"" + escape(links.unsubscribe()) + "\">"
                        + (words.zh ? "退订" : "Unsubscribe") + "</a>", parcelDelivery(shipment, shop, links.page()));
        String sms = words.shop + (words.zh ? "：" : ": ") + body + " " + links.page();
        return new ConsumerMessage(subject, text, html, sms);
    }

    /** The message's HTML: every value escaped; {@code footHtml} is markup built by the callers here from escaped values. */
    private static String html(Words words, String title, String line, String url, String button, String footHtml, String jsonLd) {
        String colour = words.colour;
        return "<!doctype html><html lang=\"" + (words.zh ? "zh-CN" : "en") + "\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>" + (jsonLd == null ? "" : "<script type=\"application/ld+json\">" + jsonLd.replace("</", "<\\/") + "</script>")
                + "</head><body style=\"font-family:system-ui,sans-serif;color:#14213d\"><p style=\"font-weight:600\">"
                + (words.logo == null ? "" : "<img src=\"" + escape(words.logo) + "\" alt=\"\" height=\"32\" style=\"vertical-align:middle;margin-right:8px\">")
                + escape(words.shop) + "</p><h1 style=\"font-size:20px\">" + escape(title) + "</h1><p>" + escape(line) + "</p><p><a href=\"" + escape(url)
                + "\" style=\"display:inline-block;padding:10px 18px;border-radius:8px;color:#fff;background:" + colour
                + ";text-decoration:none\">" + escape(button) + "</a></p><p style=\"color:#4f5b70;font-size:13px\">"
                + footHtml + "</p></body></html>";
    }

    /** Gmail's ParcelDelivery: carrier, destination, number, page and the latest expected arrival. */
    private static String parcelDelivery(Shipment shipment, Shop shop, String page) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("@context", "http://schema.org");
        delivery.put("@type", "ParcelDelivery");
        Location to = shipment.destination();
        if (to != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            putIfPresent(address, "addressLocality", to.city());
            putIfPresent(address, "addressRegion", to.region());
            putIfPresent(address, "addressCountry", to.country());
            delivery.put("deliveryAddress", address);
        }
        delivery.put("carrier", Map.of("@type", "Organization", "name", CarrierNames.of(shipment.carrier(), "en")));
        delivery.put("trackingNumber", shipment.trackingNumber());
        delivery.put("trackingUrl", page);
        if (shipment.eta() != null) {
            ZoneOffset offset = RecipientClock.offsetOf(shipment);
            delivery.put("expectedArrivalFrom", shipment.eta().early().atOffset(offset).toString());
            delivery.put("expectedArrivalUntil", shipment.eta().late().atOffset(offset).toString());
        }
        if (shipment.orderId() != null && shop != null) {
            delivery.put("partOfOrder", Map.of("@type", "Order", "orderNumber", shipment.orderId(),
                    "merchant", Map.of("@type", "Organization", "name", shop.name())));
        }
        return Json.write(delivery);
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The phrases of one message in one language. */
    private static final class Words {
        private final boolean zh;
        private final String shop;
        private final String parcel;
        private final String colour;
        private final String logo;
        private final Shipment shipment;

        Words(Shipment shipment, Shop shop, String locale) {
            this.zh = "zh-CN".equals(locale);
            this.shipment = shipment;
            this.shop = shop == null ? (zh ? "商家" : "the shop") : shop.name();
            this.parcel = CarrierNames.of(shipment.carrier(), locale) + " " + shipment.trackingNumber();
            this.colour = shop != null && shop.primaryColor() != null && shop.primaryColor().matches("#[0-9a-fA-F]{6}")
                    ? shop.primaryColor() : TRACKLIGHT_GREEN;
            this.logo = shop != null && shop.logoUrl() != null && shop.logoUrl().startsWith("https://") ? shop.logoUrl() : null;
        }

        String subject(Moment moment) {
            String from = zh ? "您在" + shop + "购买的包裹" : "Your parcel from " + shop;
            return from + switch (moment) {
                case SHIPPED -> zh ? "已发货" : " is on its way";
                case OUT_FOR_DELIVERY -> zh ? "今日派送" : " arrives today";
                case DELIVERED -> zh ? "已签收" : " was delivered";
                case DELAYED -> zh ? "可能延误" : " may be late";
                case EXCEPTION -> zh ? "需要关注" : " needs attention";
            };
        }

        String line(Moment moment) {
            String said = shipment.lastEvent() == null || shipment.lastEvent().rawMessage() == null ? ""
                    : shipment.lastEvent().rawMessage().replaceAll("<[^<>]*>", "").trim();
            return switch (moment) {
                case SHIPPED -> zh ? CarrierNames.of(shipment.carrier(), "zh-CN") + "已揽收您的包裹 " + shipment.trackingNumber() + "。"
                        : CarrierNames.of(shipment.carrier(), "en") + " has your parcel " + shipment.trackingNumber() + ".";
                case OUT_FOR_DELIVERY -> zh ? "包裹 " + shipment.trackingNumber() + " 正在派送中。"
                        : "Parcel " + shipment.trackingNumber() + " is out for delivery.";
                case DELIVERED -> zh ? "包裹 " + shipment.trackingNumber() + " 已于" + when(deliveredAt()) + "签收。"
                        : "Parcel " + shipment.trackingNumber() + " was delivered " + when(deliveredAt()) + ".";
                case DELAYED -> delayed();
                case EXCEPTION -> (zh ? "承运商报告：“" + said + "”。如一直没有变化，请凭运单号联系" + shop + "。"
                        : "The carrier reports: “" + said + "”. If it stays like this, contact " + shop + " with your tracking number.");
            };
        }

        private String delayed() {
            DelayReason reason = shipment.delay() == null ? null : shipment.delay().reason();
            if (!zh) {
                return shipment.delay() == null || shipment.delay().message() == null ? "It may arrive later than planned."
                        : shipment.delay().message();
            }
            return reason == null ? "包裹可能晚于预期送达。" : switch (reason) {
                case NO_SCAN_FOR_TOO_LONG -> "承运商已有一段时间未更新该包裹，我们会持续关注。";
                case PROMISE_PASSED -> "已过商家承诺的送达日期，包裹仍在途中。";
                case LIKELY_AFTER_PROMISE -> "预计将晚于商家承诺的日期送达。";
                case MAY_MISS_PROMISE -> "可能晚于商家承诺的日期送达。";
                case DELIVERED_LATE -> "包裹晚于承诺日期送达。";
            };
        }

        private Instant deliveredAt() {
            return shipment.lastEvent() == null ? shipment.updatedAt() : shipment.lastEvent().occurredAt();
        }

        private String when(Instant at) {
            return format(at, RecipientClock.offsetOf(shipment), dayAndTime());
        }

        /** "Arriving Mon, Dec 7, 1:00 PM – 5:00 PM" in the recipient's time; the day once when the window stays in one. */
        String arriving(EtaWindow eta) {
            ZoneOffset offset = RecipientClock.offsetOf(shipment);
            boolean oneDay = eta.early().atOffset(offset).toLocalDate().equals(eta.late().atOffset(offset).toLocalDate());
            String from = format(eta.early(), offset, dayAndTime());
            String to = format(eta.late(), offset, oneDay ? (zh ? "HH:mm" : "h:mm a") : (dayAndTime()));
            return zh ? "预计 " + from + " 至 " + to + " 送达。" : "Arriving " + from + " – " + to + ".";
        }

        /** "12月3日 13:00" / "Thu, Dec 3, 1:00 PM": a day and a time, as each language writes them. */
        private String dayAndTime() {
            return zh ? "M月d日 HH:mm" : "EEE, MMM d, h:mm a";
        }

        private String format(Instant at, ZoneOffset offset, String pattern) {
            return at.atOffset(offset).format(DateTimeFormatter.ofPattern(pattern, zh ? Locale.SIMPLIFIED_CHINESE : Locale.US));
        }
    }
}
