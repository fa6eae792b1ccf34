#!/usr/bin/env bash
# Verifies the Ed25519 (EdDSA) signature of an impactproof certificate with nothing but OpenSSL 3:
#   verify-with-openssl.sh certificate.jwt issuer-did.json
# The DID document is the issuer's did:web document (for a registry's validator:
# <registry>/agents/validator/did.json). Prints the key used and "Signature Verified Successfully".
set -euo pipefail
jwt=$1
did_json=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

b64url_decode() {  # base64url (no padding) on stdin -> bytes on stdout
  local s
  s=$(tr '_-' '/+' | tr -d '\n')
  case $(( ${#s} % 4 )) in 2) s="$s==" ;; 3) s="$s=" ;; esac
  printf '%s' "$s" | base64 -d
}

# read returns non-zero at a last line without a newline: a compact JWS file usually has none.
IFS=. read -r header payload signature < "$jwt" || true
[ -n "${signature:-}" ] || { echo "$jwt is not a compact JWS (header.payload.signature)" >&2; exit 1; }
printf '%s.%s' "$header" "$payload" > "$work/signing-input"
printf '%s' "$signature" | b64url_decode > "$work/signature"

kid=$(printf '%s' "$header" | b64url_decode | grep -o '"kid":"[^"]*"' | cut -d'"' -f4)
alg=$(printf '%s' "$header" | b64url_decode | grep -o '"alg":"[^"]*"' | cut -d'"' -f4)
[ "$alg" = "EdDSA" ] || { echo "expected alg EdDSA, got $alg" >&2; exit 1; }
echo "signed with $kid"

# The JsonWebKey verification method with this id: its "x" is the raw Ed25519 public key.
x=$(tr -d '\n ' < "$did_json" | grep -o "\"id\":\"$kid\",\"type\":\"JsonWebKey\"[^}]*}" | grep -o '"x":"[^"]*"' | cut -d'"' -f4)
[ -n "$x" ] || { echo "no JsonWebKey $kid in $did_json" >&2; exit 1; }
# DER SubjectPublicKeyInfo of an Ed25519 key = fixed 12-byte prefix + the 32 key bytes.
{ printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'; printf '%s' "$x" | b64url_decode; } > "$work/key.der"
openssl pkey -pubin -inform DER -in "$work/key.der" -out "$work/key.pem"

openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/signing-input" -sigfile "$work/signature"
