// Commercial SSL/TLS and S/MIME certificates through InterNetX SSL Manager and ispmanager BILLmanager.
package sslmanager
