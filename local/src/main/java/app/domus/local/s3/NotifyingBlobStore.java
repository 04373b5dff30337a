package app.domus.local.s3;

import java.util.List;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * The blob store under S3Proxy, reporting each write and delete once it has happened: S3Proxy has no event
 * notifications, so the local cloud raises them here, below every way an object can be created or removed.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
    private final ObjectEvents events;

    NotifyingBlobStore(BlobStore delegate, ObjectEvents events) {
        super(delegate);
        this.events = events;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        String eTag = super.putBlob(container, blob);
        created("ObjectCreated:Put", container, blob.getMetadata().getName());
        return eTag;
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        String eTag = super.putBlob(container, blob, options);
        created("ObjectCreated:Put", container, blob.getMetadata().getName());
        return eTag;
    }

    @Override
    public String copyBlob(String fromContainer, String fromName, String toContainer, String toName, CopyOptions options) {
        String eTag = super.copyBlob(fromContainer, fromName, toContainer, toName, options);
        created("ObjectCreated:Copy", toContainer, toName);
        return eTag;
    }

    @Override
    public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
        String eTag = super.completeMultipartUpload(upload, parts);
        created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName());
        return eTag;
    }

    @Override
    public void removeBlob(String container, String name) {
        super.removeBlob(container, name);
        events.objectChanged("ObjectRemoved:Delete", container, name, 0, null);
    }

    @Override
    public void removeBlobs(String container, Iterable<String> names) {
        super.removeBlobs(container, names);
        names.forEach(name -> events.objectChanged("ObjectRemoved:Delete", container, name, 0, null));
    }

    private void created(String eventName, String container, String name) {
        BlobMetadata metadata = delegate().blobMetadata(container, name);
        long size = metadata == null || metadata.getSize() == null ? 0 : metadata.getSize();
        String eTag = metadata == null ? null : metadata.getETag();
        events.objectChanged(eventName, container, name, size, eTag == null ? null : eTag.replace("\"", ""));
    }
}
