package dev.tracklight.core.model;

/** Where a checkpoint happened; every field is optional because carriers give what they have. */
public record Location(String city, String region, String country, String postalCode, Double lat, Double lon) {

    /** A location from what a source gave, or null when it gave nothing at all. */
    public static Location ifAny(String city, String region, String country, String postalCode, Double lat, Double lon) {
        return city == null && region == null && country == null && postalCode == null && lat == null ? null
                : new Location(city, region, country, postalCode, lat, lon);
    }

    public static Location cityLevel(String city, String region, String country) {
        return new Location(city, region, country, null, null, null);
    }

    /** The part of a location that is safe to show to anyone holding a tracking link. */
    public Location withoutPostalCode() {
        return new Location(city, region, country, null, lat, lon);
    }
}
