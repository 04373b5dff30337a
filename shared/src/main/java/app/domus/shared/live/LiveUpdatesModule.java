package app.domus.shared.live;

import dagger.Binds;
import dagger.Module;

/** Binds the live-updates port to the queue, for the components of contexts that send live updates. */
@Module
public interface LiveUpdatesModule {
    @Binds
    LiveUpdates liveUpdates(QueuedLiveUpdates queued);
}
