package dev.frontline.admin.fleet;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps what a heartbeat reports: the gateway's status and its stats, in one transaction,
 * so a failed heartbeat leaves neither and the gateway's retry counts its stats once.
 */
@Component
class Heartbeats {

	/** Longest apply error kept; gateways may report long stack-like messages. */
	private static final int MAX_ERROR_LENGTH = 4000;

	private final GatewayStatuses statuses;

	private final RouteStatsReports stats;

	private final TransactionTemplate transactions;

	Heartbeats(GatewayStatuses statuses, RouteStatsReports stats, PlatformTransactionManager transactionManager) {
		this.statuses = statuses;
		this.stats = stats;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	void record(String gatewayId, Heartbeat heartbeat, Instant receivedAt) {
		String error = heartbeat.error();
		GatewayStatus status = new GatewayStatus(gatewayId, heartbeat.startedAt(), receivedAt,
				heartbeat.appliedVersion(), heartbeat.appliedHash(),
				(error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error,
				Boolean.TRUE.equals(heartbeat.controlPlaneConnected()));
		this.transactions.executeWithoutResult((transaction) -> {
			this.statuses.save(status);
			this.stats.add(gatewayId, receivedAt, heartbeat.statsOrNone());
		});
	}

}
