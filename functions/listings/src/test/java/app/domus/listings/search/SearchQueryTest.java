package app.domus.listings.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.Refusals;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.testing.HttpEvents;
import org.junit.jupiter.api.Test;

/** {@code GET /listings}'s query: what each parameter means, its defaults, its bounds and the field a refusal names. */
class SearchQueryTest {

    private static SearchQuery parse(String... params) {
        HttpEvents request = HttpEvents.request("GET", "/listings");
        for (int i = 0; i < params.length; i += 2) request.query(params[i], params[i + 1]);
        return SearchQuery.parse(new HttpRequest(request.build(), "test", HttpRequest.DEFAULT_MAX_BODY_BYTES));
    }

    private static String refused(String... params) {
        return Refusals.field(() -> parse(params));
    }

    private static String told(String... params) {
        return Refusals.detail(() -> parse(params));
    }

    private static SearchEntryItem entry(long priceMinor, Integer rooms, String type) {
        SearchEntryItem e = new SearchEntryItem();
        e.setPriceMinor(priceMinor);
        e.setRooms(rooms);
        e.setPropertyType(type);
        return e;
    }

    @Test
    void aCityOrADistrictOfOneIsReadFromTheLocationWithTheDefaultsOfAPlainSearch() {
        SearchQuery city = parse("location", "  Berlin ");
        assertThat(city.city()).isEqualTo("Berlin");
        assertThat(city.district()).isNull();
        assertThat(city.near()).isFalse();
        assertThat(city.scope()).isEqualTo(Scopes.city("Berlin"));
        assertThat(city.sort()).isEqualTo(SearchQuery.NEWEST);
        assertThat(city.limit()).isEqualTo(20);
        assertThat(city.cursor()).isNull();

        SearchQuery district = parse("location", "Berlin / Prenzlauer  Berg", "cursor", "abc");
        assertThat(district.city()).isEqualTo("Berlin");
        assertThat(district.district()).isEqualTo("Prenzlauer  Berg");
        assertThat(district.scope()).isEqualTo("DISTRICT#berlin#prenzlauer berg");
        assertThat(district.cursor()).isEqualTo("abc");
    }

    @Test
    void aCircleIsAPointAndARadiusOfTwoKilometresUnlessGivenAndIsSortedByDistance() {
        SearchQuery near = parse("location", "near:52.53,-13.38");
        assertThat(near.near()).isTrue();
        assertThat(near.latitude()).isEqualTo(52.53);
        assertThat(near.longitude()).isEqualTo(-13.38);
        assertThat(near.radiusKm()).isEqualTo(2.0);
        assertThat(near.sort()).isEqualTo(SearchQuery.DISTANCE);
        assertThat(near.city()).isNull();

        assertThat(parse("location", "near:-33.8,151.2,7.5").radiusKm()).isEqualTo(7.5);
        assertThat(parse("location", "near:52.5,13.4", "sort", "price_desc").sort()).isEqualTo(SearchQuery.PRICE_DESC);
    }

    @Test
    void aCirclesPointMustBeOnEarthAndItsRadiusAtMostTenKilometres() {
        assertThat(refused("location", "near:90,180,10")).isNull();
        assertThat(refused("location", "near:-90,-180,0.1")).isNull();
        assertThat(refused("location", "near:90.5,13")).isEqualTo("location");
        assertThat(refused("location", "near:-90.5,13")).isEqualTo("location");
        assertThat(refused("location", "near:52,180.5")).isEqualTo("location");
        assertThat(refused("location", "near:52,-180.5")).isEqualTo("location");
        assertThat(told("location", "near:52,-180.5")).isEqualTo("is not a point on Earth");
        assertThat(told("location", "near:52,13,10.5")).isEqualTo("radius must be more than 0 and at most 10 km");
        assertThat(told("location", "near:52,13,0")).isEqualTo("radius must be more than 0 and at most 10 km");
        assertThat(told("location", "near:Berlin")).isEqualTo("must be near:<latitude>,<longitude>[,<radius km>]");
        assertThat(told("location", "near:52,13,-2")).isEqualTo("must be near:<latitude>,<longitude>[,<radius km>]");
    }

    @Test
    void aLocationIsRequiredAndItsCityAndDistrictMustBeText() {
        assertThat(refused()).isEqualTo("location");
        assertThat(told("location", "   ")).isEqualTo("is required");
        assertThat(refused("location", "Berlin/")).isEqualTo("location");
        assertThat(refused("location", "/Mitte")).isEqualTo("location");
        assertThat(refused("location", "Berlin/<b>Mitte</b>")).isEqualTo("location");
        assertThat(refused("location", "a".repeat(100))).isNull();
        assertThat(refused("location", "a".repeat(101))).isEqualTo("location");
        assertThat(refused("location", "Berlin/" + "a".repeat(101))).isEqualTo("location");
    }

    @Test
    void pricesAreWholeNonNegativeNumbersAndTheLeastMayEqualTheMost() {
        SearchQuery query = parse("location", "Berlin", "priceMin", "100", "priceMax", "100");
        assertThat(query.priceMin()).isEqualTo(100L);
        assertThat(query.priceMax()).isEqualTo(100L);
        assertThat(parse("location", "Berlin", "priceMin", "0").priceMin()).isZero();

        assertThat(refused("location", "Berlin", "priceMin", "101", "priceMax", "100")).isEqualTo("priceMax");
        assertThat(told("location", "Berlin", "priceMin", "101", "priceMax", "100")).isEqualTo("must not be less than priceMin");
        assertThat(refused("location", "Berlin", "priceMin", "-1")).isEqualTo("priceMin");
        assertThat(told("location", "Berlin", "priceMax", "-1")).isEqualTo("must not be negative");
        assertThat(refused("location", "Berlin", "priceMax", "1e6")).isEqualTo("priceMax");
        assertThat(told("location", "Berlin", "priceMin", "12.5")).isEqualTo("must be a whole number");
    }

    @Test
    void roomsTypeSortAndLimitAreCheckedAgainstTheirBounds() {
        assertThat(parse("location", "Berlin", "rooms", "100").rooms()).isEqualTo(100);
        assertThat(parse("location", "Berlin", "rooms", "0").rooms()).isZero();
        assertThat(refused("location", "Berlin", "rooms", "101")).isEqualTo("rooms");

        assertThat(parse("location", "Berlin", "type", "HOUSE").type()).isEqualTo("house");
        assertThat(refused("location", "Berlin", "type", "castle")).isEqualTo("type");

        assertThat(parse("location", "Berlin", "sort", "price_asc").sort()).isEqualTo(SearchQuery.PRICE_ASC);
        assertThat(parse("location", "Berlin", "sort", "price_desc").sort()).isEqualTo(SearchQuery.PRICE_DESC);
        assertThat(parse("location", "Berlin", "sort", "newest").sort()).isEqualTo(SearchQuery.NEWEST);
        assertThat(told("location", "Berlin", "sort", "distance"))
                .isEqualTo("must be newest, price_asc or price_desc (distance needs location=near:)");
        assertThat(told("location", "near:52,13", "sort", "cheapest")).isEqualTo("must be newest, price_asc, price_desc or distance");
        assertThat(refused("location", "near:52,13", "sort", "newest")).isNull();

        assertThat(parse("location", "Berlin", "limit", "1").limit()).isEqualTo(1);
        assertThat(parse("location", "Berlin", "limit", "50").limit()).isEqualTo(50);
        assertThat(refused("location", "Berlin", "limit", "51")).isEqualTo("limit");
        assertThat(refused("location", "Berlin", "limit", "0")).isEqualTo("limit");
    }

    @Test
    void theSameSearchWrittenDifferentlyIsOneTextAndAnotherSearchAnother() {
        String a = parse("location", "Berlin", "priceMax", "500", "type", "House").normalised();
        String b = parse("location", " berlin ", "type", "house", "priceMax", "500", "cursor", "xyz").normalised();
        assertThat(a).isEqualTo(b).isEqualTo("in=CITY#berlin;min=null;max=500;rooms=null;type=house;sort=newest;limit=20");
        assertThat(parse("location", "Berlin", "priceMax", "501", "type", "house").normalised()).isNotEqualTo(a);
        assertThat(parse("location", "near:52.5,13.4,3", "rooms", "2", "limit", "5").normalised())
                .isEqualTo("near=52.5,13.4,3.0;min=null;max=null;rooms=2;type=null;sort=distance;limit=5");
    }

    @Test
    void anEntryMatchesWithinThePriceRangeInclusiveWithAtLeastTheRoomsAndOfTheType() {
        SearchQuery query = parse("location", "Berlin", "priceMin", "100", "priceMax", "200", "rooms", "3", "type", "apartment");
        assertThat(query.matches(entry(100, 3, "apartment"))).isTrue();
        assertThat(query.matches(entry(200, 5, "apartment"))).isTrue();
        assertThat(query.matches(entry(99, 3, "apartment"))).isFalse();
        assertThat(query.matches(entry(201, 3, "apartment"))).isFalse();
        assertThat(query.matches(entry(150, 2, "apartment"))).isFalse();
        assertThat(query.matches(entry(150, null, "apartment"))).as("rooms unknown").isFalse();
        assertThat(query.matches(entry(150, 3, "house"))).isFalse();

        SearchQuery any = parse("location", "Berlin");
        assertThat(any.matches(entry(0, null, "land"))).isTrue();
    }
}
