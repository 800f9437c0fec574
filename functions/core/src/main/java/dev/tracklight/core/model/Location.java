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

    /**
     * Where a recipient lives, as far as anyone holding the tracking link may know: the city, and coordinates rounded
     * to a tenth of a degree (about 11 km), enough to pin the town on a map and never a street.
     */
    public Location townLevel() {
        return new Location(city, region, country, null, tenth(lat), tenth(lon));
    }

    private static Double tenth(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 10.0) / 10.0;
    }

    /** The part of a location that is safe to show to anyone holding a tracking link. */
    public Location withoutPostalCode() {
        return new Location(city, region, country, null, lat, lon);
    }
}
