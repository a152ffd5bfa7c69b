import { LinkButton } from "./button";

type Way = { href: string; label: string };

/** The ways on from a not-found page: the likeliest as the primary button, optionally a second beside it. */
export function NotFoundLinks({ primary, secondary }: { primary: Way; secondary?: Way }) {
  return (
    <div className={secondary ? "mt-8 flex justify-center gap-3" : "mt-8 flex justify-center"}>
      <LinkButton href={primary.href}>{primary.label}</LinkButton>
      {secondary ? (
        <LinkButton href={secondary.href} variant="secondary">
          {secondary.label}
        </LinkButton>
      ) : null}
    </div>
  );
}
