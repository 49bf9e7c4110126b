import { ActorKind, UserRole } from '@sozialatlas/db';
import { ArrayMinSize, IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { MIN_PASSWORD_LENGTH } from './password';

registerEnumType(UserRole, {
  name: 'Role',
  description: 'What a person or API key may do besides reading published data (Rolle).',
  valuesConfig: {
    ANALYST: { description: 'Analysis: also sees unpublished (draft) records.' },
    PLANNER: { description: 'Social planning: edits services, providers, locations, funding, plans, participation, norms.' },
    STATISTICS: { description: 'Statistics office: imports indicator values, sees suppressed values.' },
    ADMIN: { description: 'Administration: users, keys, audit log; may do everything.' },
  },
});
registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'Who wrote an audit log entry.',
  valuesConfig: {
    USER: { description: 'A person signed in to the web app.' },
    API_KEY: { description: 'A machine client with an API key.' },
    SYSTEM: { description: 'A command-line tool run on the server.' },
  },
});

@ObjectType({ description: 'Who you are for this request (angemeldet als).' })
export class Viewer {
  @Field({ description: 'ANONYMOUS, or your main role.' })
  role!: string;

  @Field(() => [UserRole], { description: 'All your roles (an API key may carry several).' })
  roles!: UserRole[];

  @Field(() => ActorKind, { nullable: true, description: 'USER or API_KEY; null when anonymous.' })
  kind!: ActorKind | null;

  @Field(() => String, { nullable: true, description: 'Your e-mail address or the name of the key; null when anonymous.' })
  label!: string | null;

  @Field({ description: 'True when you see values under statistical confidentiality.' })
  canSeeSuppressed!: boolean;

  @Field({ description: 'True when you see unpublished (draft) records.' })
  canSeeUnpublished!: boolean;
}

@ObjectType({ description: 'A person who signs in to the web app (Benutzer).' })
export class User {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'E-mail address, used to sign in.' })
  email!: string;

  @Field({ description: 'Name shown in the app.' })
  displayName!: string;

  @Field(() => UserRole, { description: 'Role.' })
  role!: UserRole;

  @Field({ description: 'Disabled accounts cannot sign in.' })
  disabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'Locked after repeated failed logins until this time.' })
  lockedUntil!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last successful login.' })
  lastLoginAt!: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking.' })
  version!: number;
}

@ObjectType({ description: 'An API key of a machine client (without its secret).' })
export class ApiKey {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Public part of the key (`sa_<prefix>_…`), to recognise it in lists and logs.' })
  prefix!: string;

  @Field({ description: 'What the key is for, e.g. "Jugendamt Fachverfahren".' })
  name!: string;

  @Field(() => [UserRole], { description: 'Scopes: the roles the key acts with.' })
  roles!: UserRole[];

  @Field(() => Date, { nullable: true, description: 'Expiry; null = does not expire.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while valid.' })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last use (to the minute); null when never used.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A new API key. The full key is shown only here, once; it is stored hashed.' })
export class CreatedApiKey {
  @Field({ description: 'The full key `sa_<prefix>_<secret>`: store it now, it cannot be shown again.' })
  key!: string;

  @Field(() => ApiKey, { description: 'The stored key.' })
  apiKey!: ApiKey;
}

@ObjectType({ description: 'Result of a successful login; the session itself travels in an HttpOnly cookie.' })
export class LoginResult {
  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;

  @Field(() => Date, { description: 'When the session ends.' })
  expiresAt!: Date;
}

@InputType({ description: 'A new user account.' })
export class CreateUserInput {
  @Field({ description: 'E-mail address (stored in lower case).' })
  @IsEmail({}, { message: 'Bitte eine gültige E-Mail-Adresse angeben.' })
  email!: string;

  @Field({ description: 'Name shown in the app.' })
  @MinLength(1, { message: 'Bitte einen Namen angeben.' })
  @MaxLength(200, { message: 'Der Name darf höchstens 200 Zeichen lang sein.' })
  displayName!: string;

  @Field({ description: `Initial password, at least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.` })
  @MaxLength(200, { message: 'Das Passwort darf höchstens 200 Zeichen lang sein.' })
  password!: string;

  @Field(() => UserRole, { description: 'Role.' })
  role!: UserRole;
}

@InputType({ description: 'Changes to a user account; only the fields given are changed.' })
export class UpdateUserInput {
  @Field(() => Int, { description: 'Id of the user.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name shown in the app.' })
  @IsOptional()
  @MaxLength(200, { message: 'Der Name darf höchstens 200 Zeichen lang sein.' })
  displayName?: string;

  @Field(() => UserRole, { nullable: true, description: 'Role.' })
  role?: UserRole;

  @Field(() => Boolean, { nullable: true, description: 'Disable (true) or enable (false) the account; disabling ends its sessions.' })
  disabled?: boolean;

  @Field(() => String, { nullable: true, description: `New password, at least ${MIN_PASSWORD_LENGTH} characters; ends the user's sessions and lifts a lock.` })
  @IsOptional()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.` })
  @MaxLength(200, { message: 'Das Passwort darf höchstens 200 Zeichen lang sein.' })
  password?: string;
}

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "Jugendamt Fachverfahren".' })
  @MinLength(1, { message: 'Bitte einen Namen für den Schlüssel angeben.' })
  @MaxLength(200, { message: 'Der Name darf höchstens 200 Zeichen lang sein.' })
  name!: string;

  @Field(() => [UserRole], { description: 'Scopes: the roles the key acts with (at least one).' })
  @ArrayMinSize(1, { message: 'Bitte mindestens eine Rolle wählen.' })
  roles!: UserRole[];

  @Field(() => Date, { nullable: true, description: 'Expiry; null = does not expire.' })
  expiresAt?: Date | null;
}

@ArgsType()
export class LoginArgs {
  @Field({ description: 'E-mail address.' })
  @MaxLength(320)
  email!: string;

  @Field({ description: 'Password.' })
  @MaxLength(200)
  password!: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {}
