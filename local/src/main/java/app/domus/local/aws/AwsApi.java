package app.domus.local.aws;

/** One AWS service API that the local cloud answers itself. */
public interface AwsApi {

    AwsResponse handle(AwsRequest request) throws Exception;
}
