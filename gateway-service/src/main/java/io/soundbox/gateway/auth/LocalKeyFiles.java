package io.soundbox.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The local issuer's RSA key pair in {@code <dir>/gateway-private.pem} (PKCS#8, mode 600) and
 * {@code <dir>/gateway-public.pem} (X.509). The {@code ./soundbox token} script signs with the same
 * private key file, so the format is a contract.
 *
 * <p>The private key is the source of truth: the public key is derived from it, and the public file is
 * (re)written when it is missing or does not match. Several processes starting at once on one data
 * directory are safe: each writes a temp file and moves it in only if no key exists yet.
 */
public final class LocalKeyFiles {
    public static final String PRIVATE_FILE = "gateway-private.pem";
    public static final String PUBLIC_FILE = "gateway-public.pem";
    private static final Logger LOG = Logger.getLogger(LocalKeyFiles.class);

    private LocalKeyFiles() {
    }

    public static KeyPair loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_FILE);
            if (!Files.exists(privateFile)) {
                createPrivateKey(privateFile);
            }
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Pem.decodePrivate(
                    Files.readString(privateFile, StandardCharsets.US_ASCII));
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            writePublicKeyIfStale(dir.resolve(PUBLIC_FILE), publicKey);
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local signing keys in " + dir, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the local signing key " + dir.resolve(PRIVATE_FILE)
                    + " is not a PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    private static void createPrivateKey(Path target) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createOwnerOnly(tmp);
            Files.writeString(tmp, Pem.encodePrivate(pair.getPrivate()), StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            LOG.infof("Created the local signing key %s", target);
        } catch (FileAlreadyExistsException e) {
            LOG.debugf("Another process created %s first; using it", target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates the file readable by its owner only, where the file system knows POSIX modes. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static void writePublicKeyIfStale(Path file, PublicKey publicKey) throws IOException {
        String pem = Pem.encodePublic(publicKey);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
            return;
        }
        if (Files.exists(file)) {
            LOG.warnf("%s does not match the private key; rewriting it", file);
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
