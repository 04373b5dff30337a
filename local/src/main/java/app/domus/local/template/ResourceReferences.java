package app.domus.local.template;

/** What {@code !Ref} and {@code !GetAtt} of a resource give in the environment the template runs in. */
public interface ResourceReferences {

    String ref(TemplateResource resource);

    String attribute(TemplateResource resource, String attribute);
}
