package org.gongnon.base.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A text column encrypted at rest ({@code @Convert(converter = EncryptedString.class)}). Hibernate creates it
 * through Spring, which injects the application's {@link DataCipher}.
 */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private final DataCipher cipher;

    public EncryptedString(DataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher.decrypt(dbData);
    }
}
