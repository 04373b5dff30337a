package app.domus.rentals;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.channels.ChannelItem;
import app.domus.rentals.police.SesCredentials;
import app.domus.rentals.reservations.ChannelBookingItem;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.rentals.stays.LockCodeItem;
import app.domus.rentals.stays.RentalSetupItem;
import app.domus.rentals.stays.StayItem;
import org.junit.jupiter.api.Test;

/** The items' keys are part of the stored format: data written under them must be found again after a deployment. */
class ItemKeysTest {

    @Test
    void keysKeepTheirStoredShape() {
        assertThat(ReservationItem.pk("r1")).isEqualTo("RESERVATION#r1");
        assertThat(ReservationItem.unitStays("u1")).isEqualTo("UNIT#u1#STAYS");
        assertThat(StayItem.pk("r1")).isEqualTo("RESERVATION#r1");
        assertThat(LockCodeItem.pk("L1")).isEqualTo("LOCK#L1");
        assertThat(LockCodeItem.sk("abc")).isEqualTo("CODE#abc");
        assertThat(RentalSetupItem.pk("u1")).isEqualTo("UNIT#u1");
        assertThat(ChannelBookingItem.pk("ch")).isEqualTo("CHANNEL#ch");
        assertThat(ChannelBookingItem.sk("HM1")).isEqualTo("BOOKING#HM1");
        assertThat(ChannelItem.pk("u1")).isEqualTo("UNIT#u1");
        assertThat(ChannelItem.sk("ch")).isEqualTo("CHANNEL#ch");
    }

    @Test
    void thePortalsCredentialsReadFromTheirSecretAndNeverPrintThePassword() {
        SesCredentials c = SesCredentials.fromJson("{\"user\":\"ws\",\"password\":\"s3cret\",\"landlordCode\":\"0000000007\"}");
        assertThat(c).isEqualTo(new SesCredentials("ws", "s3cret", "0000000007"));
        assertThat(c.toString()).isEqualTo("SesCredentials[user=ws, landlordCode=0000000007]");
    }
}
