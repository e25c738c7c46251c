package io.soundbox.gateway.wallet;

/**
 * The user's Aura wallet on Graphlings/Valnet accounts. Calls act for the user with the user's own
 * bearer token, so the accounts service decides whose wallet pays. Implementations block.
 */
public interface AuraWallet {
    /** One charge or refund: {@code item} names what was bought, {@code jobId} goes into the metadata. */
    record Charge(int amount, String item, String jobId) {
    }

    /** A charge that went through; {@code transactionId} is the accounts service's id, when it gives one. */
    record Receipt(String transactionId) {
    }

    /**
     * @throws WalletException.Refused when the accounts service declined (balance short, no wallet)
     * @throws WalletException.Unavailable when it could not be asked or answered with an error
     */
    Receipt spend(String userToken, Charge charge);

    /** Gives a charge back; {@code receipt} is what {@link #spend} returned. */
    void refund(String userToken, Charge charge, Receipt receipt, String reason);
}
