package app.domus.listings.listings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeohashTest {
    @Test
    void encodesAsTheReferenceDoesAndNearbyPointsShareAPrefix() {
        assertThat(Geohash.encode(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
        assertThat(Geohash.encode(-33.8688, 151.2093, 5)).isEqualTo("r3gx2");
        String a = Geohash.encode(52.5321, 13.3849, 7);
        String b = Geohash.encode(52.5330, 13.3860, 7);
        assertThat(a.substring(0, 5)).isEqualTo(b.substring(0, 5));
        assertThat(Geohash.encode(48.8566, 2.3522, 7)).doesNotStartWith(a.substring(0, 2));
    }
}
