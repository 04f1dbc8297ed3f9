package org.gongnon.base.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A binary column (e.g. a file holding contact data) encrypted at rest. */
@Converter
public class EncryptedBytes implements AttributeConverter<byte[], byte[]> {

    private final DataCipher cipher;

    public EncryptedBytes(DataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] convertToDatabaseColumn(byte[] attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public byte[] convertToEntityAttribute(byte[] dbData) {
        return cipher.decrypt(dbData);
    }
}
