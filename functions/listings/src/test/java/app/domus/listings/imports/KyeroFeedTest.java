package app.domus.listings.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KyeroFeedTest {
    static InputStream sample() {
        return KyeroFeedTest.class.getResourceAsStream("/app/domus/listings/imports/kyero-v3-sample.xml");
    }

    @Test
    void readsEachPropertyWithItsNestedFieldsByPathItsListsAndItsPhotosInTheirOrder() {
        KyeroFeed.Parsed feed = KyeroFeed.parse(sample());

        assertThat(feed.records()).extracting(CrmRecord::crmId).containsExactly("KY-1001", "KY-1002", "KY-1003", "KY-1004", "KY-1005");
        CrmRecord villa = feed.records().getFirst();
        assertThat(villa.fields()).containsEntry("price", "385000").containsEntry("price_freq", "sale").containsEntry("town", "Jávea")
                .containsEntry("location/latitude", "38.7836").containsEntry("surface_area/built", "148")
                .containsEntry("desc/en", "Villa with sea views & a private pool, walking distance to the old town.")
                .containsEntry("desc/es", "Villa con vistas al mar y piscina privada.");
        assertThat(villa.lists().get("features/feature")).containsExactly("Air conditioning", "Private pool", "Sea views");
        assertThat(villa.photoUrls()).as("by the image's id, not the feed's order").containsExactly("PHOTOS/ky-1001-a.jpg", "PHOTOS/ky-1001-b.jpg");
        assertThat(feed.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.crmId()).isEqualTo("#6");
            assertThat(e.errors()).containsExactly("the <property> has no <id>");
        });
    }

    @Test
    void refusesWhatIsNoKyeroFeedAndADoctypeWithItsEntities() {
        assertThatThrownBy(() -> KyeroFeed.parse(xml("<rss><channel/></rss>"))).isInstanceOf(CrmException.class).hasMessageContaining("<rss>");
        assertThatThrownBy(() -> KyeroFeed.parse(xml("<root><property>")) ).isInstanceOf(CrmException.class).hasMessageContaining("not well-formed");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE root [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><root><property><id>&x;</id></property></root>";
        assertThatThrownBy(() -> KyeroFeed.parse(xml(xxe))).isInstanceOf(CrmException.class);
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
