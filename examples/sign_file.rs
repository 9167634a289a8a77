//! Signs files with ML-DSA-65, keys kept in the standard PEM files (PKCS#8 for the private key,
//! SubjectPublicKeyInfo for the public key, as OpenSSL and other tools write them). A file of
//! any size is read in chunks into the message representative μ, so memory stays constant.
//!
//! ```text
//! cargo run --release --features pkcs8 --example sign_file -- generate key.pem key.pub.pem
//! cargo run --release --features pkcs8 --example sign_file -- sign key.pem FILE FILE.sig
//! cargo run --release --features pkcs8 --example sign_file -- verify key.pub.pem FILE FILE.sig
//! ```
//!
//! `verify` exits with status 1 if the signature does not verify.

use std::fs::File;
use std::io::{Read, Write};
use std::process::ExitCode;

use pqfips::ml_dsa_65::{
    Mu, MuBuilder, PKCS8_PEM_SIZE, SPKI_PEM_SIZE, Signature, SigningKey, VerifyingKey,
};
use zeroize::Zeroizing;

/// The context string: signatures made here verify only here (FIPS 204 §5.2).
const CONTEXT: &[u8] = b"pqfips sign_file example";

/// Bytes read at a time.
const CHUNK: usize = 64 * 1024;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args[..] {
        ["generate", private, public] => generate(private, public),
        ["sign", private, file, signature] => sign(private, file, signature),
        ["verify", public, file, signature] => verify(public, file, signature),
        _ => Err("usage: sign_file generate PRIVATE.pem PUBLIC.pem | \
                  sign PRIVATE.pem FILE SIGNATURE | verify PUBLIC.pem FILE SIGNATURE"
            .into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sign_file: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A new key pair: the private key as PKCS#8 PEM (readable by its owner only, on Unix), the
/// public key as SubjectPublicKeyInfo PEM.
fn generate(private_path: &str, public_path: &str) -> Result<()> {
    let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
    let sk = SigningKey::generate(&mut rng);
    let mut pem = Zeroizing::new([0u8; PKCS8_PEM_SIZE]);
    let private = sk.to_pkcs8_pem(&mut *pem)?;
    private_file(private_path)?.write_all(private.as_bytes())?;
    let mut pem = [0u8; SPKI_PEM_SIZE];
    let public = sk.verifying_key().to_public_key_pem(&mut pem)?;
    std::fs::write(public_path, public)?;
    println!("wrote {private_path} (private) and {public_path} (public)");
    Ok(())
}

fn private_file(path: &str) -> std::io::Result<File> {
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Signs μ of the file (hedged), writing the raw FIPS 204 signature.
fn sign(private_path: &str, file: &str, signature_path: &str) -> Result<()> {
    let pem = Zeroizing::new(std::fs::read_to_string(private_path)?);
    let sk = SigningKey::from_pkcs8_pem(&pem)?;
    let mu = message_representative(sk.verifying_key(), file)?;
    // The OS generator directly: a failure is an error, not a panic.
    let signature = sk.sign_mu(&mut getrandom::SysRng, &mu)?;
    std::fs::write(signature_path, signature.as_ref())?;
    println!("signed {file}: {signature_path}");
    Ok(())
}

fn verify(public_path: &str, file: &str, signature_path: &str) -> Result<()> {
    let vk = VerifyingKey::from_public_key_pem(&std::fs::read_to_string(public_path)?)?;
    let signature = Signature::try_from(&std::fs::read(signature_path)?[..])?;
    let mu = message_representative(&vk, file)?;
    vk.verify_mu(&mu, &signature)
        .map_err(|e| format!("{file}: {e}"))?;
    println!("{file}: signature OK");
    Ok(())
}

/// μ = H(tr ‖ M′) of the file's contents, read a chunk at a time.
fn message_representative(vk: &VerifyingKey, file: &str) -> Result<Mu> {
    let mut builder: MuBuilder = vk.message_representative(CONTEXT)?;
    let mut file = File::open(file)?;
    let mut chunk = vec![0u8; CHUNK];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => return Ok(builder.finalize()),
            Ok(n) => {
                builder.update(&chunk[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
}
