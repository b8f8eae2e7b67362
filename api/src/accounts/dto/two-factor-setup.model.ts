import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What an authenticator app needs to start making codes. Shown once, to its owner only.' })
export class TwoFactorSetup {
  @Field({ description: 'The shared secret in base32, for typing into the app by hand.' })
  secret: string;

  @Field({ description: 'The otpauth:// address the QR code holds.' })
  uri: string;

  @Field({ description: 'The QR code of `uri` as an SVG image.' })
  qrCodeSvg: string;
}
