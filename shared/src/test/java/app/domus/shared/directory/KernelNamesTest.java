package app.domus.shared.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.ai.AgentSettingItem;
import app.domus.shared.ai.AiCacheItem;
import app.domus.shared.ai.AiRunItem;
import app.domus.shared.ai.AiTask;
import app.domus.shared.live.LiveUpdates;
import org.junit.jupiter.api.Test;

/** Names the API and the table use for the kernel's enums, topics and AI items. */
class KernelNamesTest {
    @Test
    void enumsAreLowerCaseOnTheWireAndCategoriesParseLeniently() {
        assertThat(FaultCategory.DOORS_WINDOWS.wire()).isEqualTo("doors_windows");
        assertThat(FaultCategory.parse(" Doors_Windows ")).contains(FaultCategory.DOORS_WINDOWS);
        assertThat(FaultCategory.parse("other")).contains(FaultCategory.OTHER);
        assertThat(FaultCategory.parse("plumbing")).contains(FaultCategory.PLUMBING);
        assertThat(FaultCategory.parse("gardening")).isEmpty();
        assertThat(FaultCategory.parse(null)).isEmpty();
        assertThat(Role.ORG_ADMIN.wire()).isEqualTo("org_admin");
        assertThat(DelegatedRight.VIEW_FINANCES.wire()).isEqualTo("view_finances");
    }

    @Test
    void eachRoleHasItsScope() {
        assertThat(Role.ORG_ADMIN.scope()).isEqualTo(Role.Scope.ORGANISATION);
        assertThat(Role.MANAGER.scope()).isEqualTo(Role.Scope.BUILDING);
        assertThat(Role.TECHNICIAN.scope()).isEqualTo(Role.Scope.BUILDING);
        assertThat(Role.OWNER.scope()).isEqualTo(Role.Scope.UNIT);
        assertThat(Role.TENANT.scope()).isEqualTo(Role.Scope.UNIT);
    }

    @Test
    void personalTopicsAreUserColonId() {
        assertThat(LiveUpdates.userTopic("u1")).isEqualTo("user:u1");
        assertThat(LiveUpdates.isPersonal("user:u1")).isTrue();
        assertThat(LiveUpdates.isPersonal("vote:v1")).isFalse();
        assertThat(LiveUpdates.isPersonal(null)).isFalse();
    }

    @Test
    void theAiItemsAreKeyedAsTheTableDesignHasThem() {
        assertThat(AiRunItem.pk("o1")).isEqualTo("AIRUNS#o1");
        assertThat(AiCacheItem.pk(AiTask.FAULT_TRIAGE, "h1")).isEqualTo("AICACHE#fault-triage#h1");
        assertThat(AgentSettingItem.pk("o1")).isEqualTo("ORG#o1");
        assertThat(AgentSettingItem.sk(AiTask.METER_OCR)).isEqualTo("AI_AGENT#meter-ocr");
    }
}
