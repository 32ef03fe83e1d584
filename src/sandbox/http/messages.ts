/**
 * The sandbox's message catalogue: an English and a French text for every error code of the reference
 * (§3–§9, §0A) and the success messages routes put in their bodies. Routes throw codes; the pipeline
 * localizes by `lang`. Templates take {name} placeholders filled from ApiError params.
 */
import type { Lang } from './route';

interface Texts {
  en: string;
  fr: string;
}

/** Error codes → localized `message`. */
export const ERROR_MESSAGES: Record<string, Texts> = {
  // Common to every endpoint (§9.3, §0A.1, §0A.3)
  wrong_inputs: {
    en: 'Some inputs are wrong or missing!',
    fr: 'Certaines données sont erronées ou manquantes!',
  },
  general_error: {
    en: 'The request could not be processed. Please try again later.',
    fr: 'La demande n’a pas pu être traitée. Veuillez réessayer plus tard.',
  },
  not_found: { en: 'The requested resource was not found.', fr: 'La ressource demandée est introuvable.' },
  method_not_allowed: {
    en: 'This method is not allowed on this resource.',
    fr: 'Cette méthode n’est pas permise pour cette ressource.',
  },
  payload_too_large: {
    en: 'The request body is too large.',
    fr: 'Le corps de la demande est trop volumineux.',
  },
  invalid_token: {
    en: 'The sign-in is not valid or has expired. Request a new token.',
    fr: 'La connexion n’est pas valide ou a expiré. Demandez un nouveau jeton.',
  },
  insufficient_scope: {
    en: 'This access level is not allowed to use this service.',
    fr: 'Ce niveau d’accès ne permet pas d’utiliser ce service.',
  },
  invalid_role: {
    en: 'This merchant account is not set up for this service. Contact Flexiti implementation support.',
    fr: 'Ce compte marchand n’est pas configuré pour ce service. Communiquez avec le soutien à l’implantation de Flexiti.',
  },
  idempotency_key_reused: {
    en: 'This request was already sent with different details.',
    fr: 'Cette demande a déjà été envoyée avec des détails différents.',
  },
  // Authentication (§3 A1, §0A.4)
  invalid_request: {
    en: 'The sign-in request is not valid.',
    fr: 'La demande de connexion n’est pas valide.',
  },
  invalid_client: {
    en: 'The client ID or client secret is wrong or missing.',
    fr: 'L’identifiant client ou le secret client est erroné ou manquant.',
  },
  invalid_grant: {
    en: 'The sign-in has expired. Request a new token.',
    fr: 'La connexion a expiré. Demandez un nouveau jeton.',
  },
  invalid_credentials: {
    en: 'The credentials are not valid.',
    fr: 'Les identifiants ne sont pas valides.',
  },
  authentication_failure: {
    en: 'The merchant username or password is wrong.',
    fr: 'Le nom d’utilisateur ou le mot de passe du marchand est erroné.',
  },
  // Customers (§5, §0A.8)
  user_not_able_to_purchase: {
    en: 'This account cannot make purchases at this time.',
    fr: 'Ce compte ne peut pas effectuer d’achats pour le moment.',
  },
  user_not_active: {
    en: 'This account has not been activated.',
    fr: 'Ce compte n’a pas été activé.',
  },
  sms_not_valid_phone: {
    en: 'There is no valid mobile phone number on file for this account.',
    fr: 'Aucun numéro de téléphone mobile valide n’est enregistré pour ce compte.',
  },
  merchant_override_is_not_allowed: {
    en: 'Merchant override is not allowed for this merchant.',
    fr: 'La dérogation du marchand n’est pas permise pour ce marchand.',
  },
  regular_purchase_bypass_is_not_allowed: {
    en: 'The regular purchase bypass is not available for this account.',
    fr: 'L’exemption pour achat régulier n’est pas offerte pour ce compte.',
  },
  piw_mismatch: {
    en: 'The personal identification word does not match.',
    fr: 'Le mot d’identification personnel ne correspond pas.',
  },
  secret_answer_mismatch: {
    en: 'The answer to the security question does not match.',
    fr: 'La réponse à la question de sécurité ne correspond pas.',
  },
  tries_exceed: {
    en: 'Too many wrong answers. The security question is locked for 48 hours.',
    fr: 'Trop de réponses erronées. La question de sécurité est bloquée pendant 48 heures.',
  },
  // Applications (§6, §0A.10)
  application_create_error: {
    en: 'The application could not be created. Please try again.',
    fr: 'La demande de crédit n’a pas pu être créée. Veuillez réessayer.',
  },
  tos_agreement_required: {
    en: 'The cardholder agreement must be accepted.',
    fr: 'La convention du titulaire de carte doit être acceptée.',
  },
  customer_already_exists: {
    en: 'A customer with this name and date of birth already exists.',
    fr: 'Un client portant ce nom et cette date de naissance existe déjà.',
  },
  customer_identity_not_found: {
    en: 'The customer has not been verified through the Flexiti widget.',
    fr: 'Le client n’a pas été vérifié au moyen du module Flexiti.',
  },
  application_declined: { en: 'The application is declined.', fr: 'La demande de crédit est refusée.' },
  application_declined_2: { en: 'The application is declined.', fr: 'La demande de crédit est refusée.' },
  application_declined_3: { en: 'The application is declined.', fr: 'La demande de crédit est refusée.' },
  application_marked_pending_1: {
    en: 'The application needs review.',
    fr: 'La demande de crédit doit être examinée.',
  },
  application_marked_pending_2: {
    en: 'The application needs review.',
    fr: 'La demande de crédit doit être examinée.',
  },
  creditapp_id_not_found: {
    en: 'The credit application was not found.',
    fr: 'La demande de crédit est introuvable.',
  },
  // Transactions (§7, §0A.11)
  not_verified: {
    en: 'The customer has not been verified for this request.',
    fr: 'Le client n’a pas été vérifié pour cette demande.',
  },
  verification_code_required: {
    en: 'A verification code is required.',
    fr: 'Un code de vérification est requis.',
  },
  wrong_verification_code: {
    en: 'The verification code is wrong or has expired.',
    fr: 'Le code de vérification est erroné ou a expiré.',
  },
  external_location_id_not_found: {
    en: 'This store location is not registered with Flexiti.',
    fr: 'Cet emplacement de magasin n’est pas enregistré auprès de Flexiti.',
  },
  account_type_not_permitted: {
    en: 'This account type is not accepted by this merchant.',
    fr: 'Ce type de compte n’est pas accepté par ce marchand.',
  },
  vcc_account_mismatch: {
    en: 'The card does not belong to this account.',
    fr: 'La carte n’appartient pas à ce compte.',
  },
  credit_exceeded: {
    en: 'The purchase amount plus interest exceeds the available credit.',
    fr: 'Le montant de l’achat plus les intérêts dépasse le crédit disponible.',
  },
  auth_not_allowed: {
    en: 'Pre-authorization is not allowed for this merchant.',
    fr: 'La préautorisation n’est pas permise pour ce marchand.',
  },
  plan_term_not_set: {
    en: 'This merchant does not offer this financing plan.',
    fr: 'Ce marchand n’offre pas ce plan de financement.',
  },
  plan_term_not_available: {
    en: 'This financing plan or term is not available for this customer.',
    fr: 'Ce plan ou cette durée de financement n’est pas offert à ce client.',
  },
  authorization_ended: {
    en: 'This authorization has ended.',
    fr: 'Cette autorisation a pris fin.',
  },
  auth_amount_exceeded: {
    en: 'The amount is larger than the remaining authorized amount.',
    fr: 'Le montant dépasse le montant autorisé restant.',
  },
  not_permitted: {
    en: 'This operation is not permitted.',
    fr: 'Cette opération n’est pas permise.',
  },
  capture_amount_exceeded: {
    en: 'The amount is larger than the remaining captured amount.',
    fr: 'Le montant dépasse le montant saisi restant.',
  },
  return_date_exceeded: {
    en: 'The return period for this purchase has ended.',
    fr: 'La période de retour pour cet achat est terminée.',
  },
  wrong_transaction_type: {
    en: 'This operation is not available for this type of purchase.',
    fr: 'Cette opération n’est pas offerte pour ce type d’achat.',
  },
  refunds_limit_exceeded_amount: {
    en: 'The refund amount exceeds the account balance.',
    fr: 'Le montant du remboursement dépasse le solde du compte.',
  },
  invalid_transaction_type: {
    en: 'The transaction type is not valid.',
    fr: 'Le type de transaction n’est pas valide.',
  },
  limit_payment_amount_24: {
    en: 'Payments on this account exceed $10,000 in 24 hours.',
    fr: 'Les paiements sur ce compte dépassent 10 000 $ en 24 heures.',
  },
  not_enough_credit: {
    en: 'The amount is larger than the balance owing.',
    fr: 'Le montant dépasse le solde dû.',
  },
  // Older spellings the client accepts as the same codes (§0A.3); the sandbox never writes them.
  wrong_input: {
    en: 'Some inputs are wrong or missing!',
    fr: 'Certaines données sont erronées ou manquantes!',
  },
  generic_error: {
    en: 'The request could not be processed. Please try again later.',
    fr: 'La demande n’a pas pu être traitée. Veuillez réessayer plus tard.',
  },
};

/** Fixed English error_description texts (§0A.3, §0A.4, §0A.5); other codes repeat the code. */
export const ERROR_DESCRIPTIONS: Record<string, string> = {
  insufficient_scope: 'Insufficient scope: authorized scope is insufficient',
  invalid_grant: 'The refresh token is invalid or its access token has expired.',
  idempotency_key_reused: 'The idempotency key was already used with a different request.',
};

export const TOKEN_EXPIRED_DESCRIPTION = 'The access token provided has expired.';
export const TOKEN_INVALID_DESCRIPTION = 'The access token provided is invalid.';

/** Success messages routes put in their bodies. */
export const SUCCESS_MESSAGES = {
  verification_pin: {
    en: 'Your Flexiti verification code is {pin}. Give it to the store staff to complete your purchase.',
    fr: 'Votre code de vérification Flexiti est {pin}. Donnez-le au personnel du magasin pour conclure votre achat.',
  },
  authorization_approved: { en: 'Authorization approved.', fr: 'Autorisation approuvée.' },
  transaction_posted: { en: 'Transaction posted.', fr: 'Transaction enregistrée.' },
  application_approved: { en: 'The application is approved.', fr: 'La demande de crédit est approuvée.' },
  application_pending: {
    en: 'The application needs review.',
    fr: 'La demande de crédit doit être examinée.',
  },
  application_declined: { en: 'The application is declined.', fr: 'La demande de crédit est refusée.' },
  annual_percentage_rate: { en: 'Annual Percentage Rate', fr: 'Taux annuel en pourcentage' },
  annual_interest_rate: { en: 'Annual Interest Rate', fr: 'Taux d’intérêt annuel' },
  rate_statement: { en: 'The annual rate is {rate}%.', fr: 'Le taux annuel est de {rate} %.' },
  administrative_fees: { en: 'Administrative fees:', fr: 'Frais d’administration :' },
  administrative_fees_message: {
    en: 'Although your administrative fee may be represented as a monthly or annual amount, the fee is due in full if the account is paid off early. See terms and conditions for full details.',
    fr: 'Bien que vos frais d’administration puissent être présentés sous forme de montant mensuel ou annuel, ils sont exigibles en totalité si le compte est remboursé par anticipation. Consultez les modalités pour tous les détails.',
  },
} satisfies Record<string, Texts>;

export type SuccessMessageKey = keyof typeof SUCCESS_MESSAGES;

function fill(template: string, params: Record<string, string> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A success message in the caller's language. */
export function message(lang: Lang, key: SuccessMessageKey, params?: Record<string, string>): string {
  return fill(SUCCESS_MESSAGES[key][lang], params);
}

/** The localized `message` of an error code; an unknown code falls back to general_error's text. */
export function errorMessage(lang: Lang, code: string, params?: Record<string, string>): string {
  const texts = ERROR_MESSAGES[code] ?? ERROR_MESSAGES.general_error;
  return fill((texts as Texts)[lang], params);
}

export function errorDescription(code: string): string {
  return ERROR_DESCRIPTIONS[code] ?? code;
}
