// GraphQL shapes of the published notice (Query.notice): the text, and its parts for anyone who lays it out anew.
import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { NoticeDocument } from '../../io/notice-writer';
import { LocalDateScalar } from '../../graphql/scalars';
import { JurisdictionArgs } from '../directory/directory.inputs';

// The notice's own vocabulary (not the domain's, hence registered here rather than in graphql/enums.ts).
export const NoticeKindEnum = { DIVISION: 'DIVISION', ADJUSTMENT: 'ADJUSTMENT' } as const;
registerEnumType(NoticeKindEnum, {
  name: 'NoticeKind',
  description: 'DIVISION: the whole division on a date (关于…领导班子成员工作分工的通知); ADJUSTMENT: what one changeset changed (分工调整通知).',
});

@ArgsType()
export class NoticeArgs extends JurisdictionArgs {
  @Field(() => ID, { nullable: true, description: 'An applied changeset of this government: its adjustment notice, dated its effective date (asOf is then ignored).' })
  @IsOptional()
  @Length(1, 100)
  changesetId?: string;
}

@ObjectType('NoticeSection', { description: 'A numbered part of the body: 一、工作分工 / 二、AB角安排.' })
export class NoticeSectionNode {
  @Field(() => String, { nullable: true, description: 'null when the body has one part only' })
  heading!: string | null;

  @Field(() => [String])
  paragraphs!: string[];
}

@ObjectType('NoticeLeader', { description: 'One leader’s paragraph, in protocol order.' })
export class NoticeLeaderNode {
  @Field(() => ID)
  leaderId!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'As the header writes them: 代区长, 区政府党组成员、副区长 …' })
  titles!: string[];

  @Field({ description: 'e.g. 代区长陈远航：主持区政府全面工作；负责审计、机构编制工作；分管区审计局。' })
  paragraph!: string;
}

@ObjectType('Notice', {
  description:
    'The division of labour as the official notice of the genre (header, preamble, one paragraph per leader, AB角 section, closing), or a changeset’s adjustment notice. The same document as GET /export/{jurisdictionId}/notice.txt (and notice.docx, in the GB/T 9704 layout). Reading it back with parse-notice gives exactly the directory’s lines.',
})
export class NoticeNode {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => NoticeKindEnum)
  kind!: keyof typeof NoticeKindEnum;

  @Field(() => LocalDateScalar, { description: 'The date the division is stated for (an adjustment: its effective date).' })
  asOf!: string;

  @Field({ description: '标题' })
  title!: string;

  @Field(() => String, { nullable: true, description: '发文字号 (an adjustment’s 文号); null for the whole division' })
  documentNumber!: string | null;

  @Field({ description: '主送机关' })
  addressee!: string;

  @Field()
  preamble!: string;

  @Field(() => [NoticeSectionNode])
  sections!: NoticeSectionNode[];

  @Field(() => [NoticeLeaderNode])
  leaders!: NoticeLeaderNode[];

  @Field(() => [String])
  closing!: string[];

  @Field({ description: '发文机关署名' })
  issuer!: string;

  @Field({ description: '成文日期, e.g. 2026年11月28日' })
  date!: string;

  @Field({ description: 'The whole notice as plain text (what notice.txt serves).' })
  text!: string;

  @Field({ description: 'Where to download it as .docx, e.g. /export/jur:qingchuan/notice.docx?asOf=2026-11-28' })
  docxPath!: string;

  static of(doc: NoticeDocument, text: string, changesetId: string | null): NoticeNode {
    const query = changesetId === null ? `asOf=${doc.asOf}` : `changesetId=${encodeURIComponent(changesetId)}`;
    return Object.assign(new NoticeNode(), {
      jurisdictionId: doc.jurisdictionId, kind: doc.kind, asOf: doc.asOf, title: doc.title, documentNumber: doc.documentNumber,
      addressee: doc.addressee, preamble: doc.preamble,
      sections: doc.sections.map((s) => Object.assign(new NoticeSectionNode(), { heading: s.heading, paragraphs: [...s.paragraphs] })),
      leaders: doc.leaders.map((l) => Object.assign(new NoticeLeaderNode(), { leaderId: l.leaderId, name: l.name, titles: [...l.titles], paragraph: l.paragraph })),
      closing: [...doc.closing], issuer: doc.issuer, date: doc.date, text,
      docxPath: `/export/${encodeURIComponent(doc.jurisdictionId)}/notice.docx?${query}`,
    });
  }
}
