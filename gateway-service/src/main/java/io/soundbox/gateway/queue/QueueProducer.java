package io.soundbox.gateway.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.messaging.GenerationControlPublisher;
import io.soundbox.gateway.wallet.AuraWallet;
import io.soundbox.gateway.wallet.HttpAuraWallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Wires the queue actions: the Aura wallet is the accounts service at {@code soundbox.wallet.url}, or
 * Valnet's ({@code soundbox.auth.valnet-url}) when only that is set; without either, skips are off.
 */
@ApplicationScoped
public class QueueProducer {
    private static final Logger LOG = Logger.getLogger(QueueProducer.class);

    @Produces
    @Singleton
    SkipLedger skipLedger(GatewayConfig config) {
        return new SkipLedger(config.jobs().readModelMaxSize(), config.jobs().activeTtl());
    }

    @Produces
    @Singleton
    QueueService queueService(GatewayConfig config, JobReadModel jobs, GenerationControlPublisher control,
                              SkipLedger ledger, ObjectMapper json) {
        GatewayConfig.Queue q = config.queue();
        GatewayConfig.Wallet w = config.wallet();
        Optional<URI> accounts = w.url().or(() -> config.auth().valnetUrl());
        Optional<AuraWallet> wallet = accounts.map(url -> new HttpAuraWallet(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(w.timeout()).build(),
                url, w.spendPath(), w.refundPath(), w.timeout(), json));
        if (wallet.isEmpty()) {
            LOG.info("No Aura wallet configured (soundbox.wallet.url): queue skips are off");
        }
        return new QueueService(jobs, control, wallet, AuraSkipPricing.parse(q.skipPrices()),
                ledger, q.viewMaxEntries(),
                Clock.systemUTC());
    }
}
