package app.domus.faults.analysis;

import app.domus.faults.FaultItem;

/**
 * The AI port: reads a fault's text (and, where the provider can, its photos) and suggests a category with
 * tags. Chosen per deployment by {@code AI_PROVIDER}: {@code aws} (Bedrock and Rekognition) or {@code local}
 * (a text classifier trained at start-up; photos are skipped).
 */
public interface FaultAnalyser {
    Analysis analyse(FaultItem fault);
}
