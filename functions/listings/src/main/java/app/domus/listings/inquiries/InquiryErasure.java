package app.domus.listings.inquiries;

import app.domus.listings.listings.ListingItem;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The inquiries a deleted account wrote (GDPR Art. 17; docs/privacy.md): their free text, the message and the preferred
 * viewing times, is erased from the inquiry and from its listing's entry; the inquiry stays, with the inquirer's id
 * alone (a pseudonym now) and the realtors' answers, so the agency's record of what was asked when, and answered, still
 * adds up. An inquiry holds no contact details: the realtor wrote back through Domus. The entry is changed first and the
 * inquiry's {@code erasedAt} last, so a failure between the two is redone by the redelivered event.
 */
@Singleton
public class InquiryErasure {
    private final DomusTable table;
    private final Clock clock;

    @Inject
    public InquiryErasure(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Returns how many inquiries were erased now; those erased before are passed over. */
    public int eraseWrittenBy(String userId) {
        String now = clock.instant().toString();
        int erased = 0;
        for (InquiryItem listed : table.allInIndex(InquiryItem.class, TableItem.GSI2, "USER#" + userId + "#INQUIRIES")) {
            // The index is eventually consistent: the item itself, read afresh, is written at its version.
            InquiryItem inquiry = table.get(InquiryItem.class, InquiryItem.pk(listed.getId()), InquiryItem.SK).orElse(null);
            if (inquiry == null || inquiry.getErasedAt() != null) continue;
            table.get(InquiryEntryItem.class, ListingItem.pk(inquiry.getListingId()), InquiryEntryItem.sk(inquiry.getCreatedAt(), inquiry.getId()))
                    .ifPresent(entry -> {
                        entry.setMessage("");
                        entry.setErasedAt(now);
                        table.of(InquiryEntryItem.class).updateItem(entry);
                    });
            inquiry.setMessage("");
            inquiry.setPreferredViewingTimes(List.of());
            inquiry.setErasedAt(now);
            table.of(InquiryItem.class).updateItem(inquiry);
            erased++;
        }
        return erased;
    }
}
