package app.domus.shared.persistence;

/**
 * The key attributes every item of the single Domus table carries (see {@code shared/TABLE_DESIGN.md}).
 * {@code version} drives optimistic concurrency through the enhanced client's versioned-record extension:
 * a put of a new item requires that none exists, an update requires the version that was read. Their static
 * schema is {@link ItemSchema#KEYS}, which every item's {@code SCHEMA} extends.
 */
public abstract class TableItem {
    public static final String GSI1 = "gsi1";
    public static final String GSI2 = "gsi2";

    private String pk;
    private String sk;
    private String gsi1pk;
    private String gsi1sk;
    private String gsi2pk;
    private String gsi2sk;
    private Long version;
    private Long ttl;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }

    public String getGsi1pk() { return gsi1pk; }
    public void setGsi1pk(String gsi1pk) { this.gsi1pk = gsi1pk; }

    public String getGsi1sk() { return gsi1sk; }
    public void setGsi1sk(String gsi1sk) { this.gsi1sk = gsi1sk; }

    public String getGsi2pk() { return gsi2pk; }
    public void setGsi2pk(String gsi2pk) { this.gsi2pk = gsi2pk; }

    public String getGsi2sk() { return gsi2sk; }
    public void setGsi2sk(String gsi2sk) { this.gsi2sk = gsi2sk; }

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    /** Epoch seconds after which DynamoDB may delete the item; null keeps it. */
    public Long getTtl() { return ttl; }
    public void setTtl(Long ttl) { this.ttl = ttl; }
}
