package app.domus.listings.search;

import app.domus.listings.listings.Geohash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The search scopes (partitions) a listing is indexed under, and those a query reads. */
public final class Scopes {
    /** Geohash cells of 5 characters: about 4.9 km × 4.9 km at the equator (narrower in longitude further north). */
    public static final int CELL_PRECISION = 5;
    /**
     * And of 6: about 1.2 km × 0.6 km. A search within {@link #FINE_RADIUS_KM} reads these, so that it reads about the
     * circle's area and not the 4.9 km cells around it (a 2 km search read every listing of a city before: bench figure 7).
     */
    public static final int FINE_CELL_PRECISION = 6;
    public static final double FINE_RADIUS_KM = 3;
    public static final double MAX_RADIUS_KM = 10;

    private Scopes() {}

    static String norm(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public static String city(String city) { return "CITY#" + norm(city); }

    public static String district(String city, String district) { return "DISTRICT#" + norm(city) + "#" + norm(district); }

    /** A cell's scope: {@code GEO5#} or {@code GEO6#} and the geohash. */
    public static String cell(String geohash) { return "GEO" + geohash.length() + "#" + geohash; }

    public static List<String> of(String city, String district, double latitude, double longitude) {
        List<String> scopes = new ArrayList<>();
        scopes.add(city(city));
        if (district != null) scopes.add(district(city, district));
        scopes.add(cell(Geohash.encode(latitude, longitude, CELL_PRECISION)));
        scopes.add(cell(Geohash.encode(latitude, longitude, FINE_CELL_PRECISION)));
        return scopes;
    }

    /**
     * The cells that cover a circle: the cells of a grid of points over its bounding box, finer than a cell; cells of
     * precision 6 up to {@link #FINE_RADIUS_KM}, of 5 beyond.
     */
    public static Set<String> cellsAround(double latitude, double longitude, double radiusKm) {
        double dLat = radiusKm / 111.32;
        double dLon = radiusKm / (111.32 * Math.max(0.01, Math.cos(Math.toRadians(latitude))));
        boolean fine = radiusKm <= FINE_RADIUS_KM;
        int precision = fine ? FINE_CELL_PRECISION : CELL_PRECISION;
        // A cell of precision 5 is 0.0439° × 0.0439°, of 6 0.0055° (latitude) × 0.011° (longitude); step at under half
        // of the smaller side so no cell is skipped.
        double step = fine ? 0.0025 : 0.02;
        Set<String> cells = new LinkedHashSet<>();
        for (double lat = latitude - dLat; lat <= latitude + dLat + step; lat += step) {
            for (double lon = longitude - dLon; lon <= longitude + dLon + step; lon += step) {
                double la = Math.max(-90, Math.min(90, Math.min(lat, latitude + dLat)));
                double lo = Math.max(-180, Math.min(180, Math.min(lon, longitude + dLon)));
                cells.add(cell(Geohash.encode(la, lo, precision)));
            }
        }
        return cells;
    }

    /** Great-circle distance in km. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = Math.toRadians(lat2 - lat1);
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
