import type { Deployment } from '@salesforce/apex/ConfigurationController.getConfiguration';

export const POLL_MS = 3000;
export const WATCH_LIMIT_MS = 10 * 60 * 1000;

export interface WatchListener {
    /** Each answer of getDeployment. */
    update(deployment: Deployment): void;
    /** getDeployment failed: the watch stops. */
    failed(error: unknown): void;
    /** Ten minutes passed without a result: the watch stops. */
    timedOut(): void;
}

/**
 * Reads a deployment again every 3 seconds until the platform reports its result, for at most 10 minutes. The
 * time is counted in reads (200 reads of 3 s), not by the clock, so a tab the browser slowed down is not given up
 * early. `stop()` ends it (the section calls it when it leaves the page); an answer that arrives after is ignored.
 */
export class DeploymentWatch {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;
    private reads = 0;
    private jobId = '';

    constructor(
        private readonly read: (jobId: string) => Promise<Deployment>,
        private readonly listener: WatchListener,
        private readonly intervalMs = POLL_MS,
        private readonly limitMs = WATCH_LIMIT_MS
    ) {}

    get running(): boolean {
        return this.timer !== undefined;
    }

    start(jobId: string): void {
        this.stop();
        this.jobId = jobId;
        this.reads = 0;
        this.schedule(this.generation);
    }

    stop(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.generation++;
    }

    private schedule(generation: number): void {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            this.tick(generation).catch((error: unknown) => {
                this.listener.failed(error);
            });
        }, this.intervalMs);
    }

    private async tick(generation: number): Promise<void> {
        this.reads++;
        let deployment: Deployment;
        try {
            deployment = await this.read(this.jobId);
        } catch (error) {
            if (generation === this.generation) {
                this.stop();
                this.listener.failed(error);
            }
            return;
        }
        if (generation !== this.generation) {
            return;
        }
        this.listener.update(deployment);
        if (deployment.done) {
            this.stop();
        } else if (this.reads * this.intervalMs >= this.limitMs) {
            this.stop();
            this.listener.timedOut();
        } else {
            this.schedule(generation);
        }
    }
}
